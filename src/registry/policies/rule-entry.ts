import { TwinningError } from '../../core/errors.js';
import { parsePartialDate, type PartialDate } from '../../core/partial-date.js';
import { findList } from '../../core/policies/country-lists.js';
import type { CountryList, Rule, RuleDate } from '../../core/policies/rule.js';
import type { CountryListEntry, RuleEntry } from './rule-schemas.js';

type DateEntry = RuleEntry['clauses'][number]['from'];

const day = (text: string, field: string): PartialDate => parsePartialDate(text, field);

function ruleDate(entry: DateEntry, field: string): RuleDate | undefined {
  if (entry === undefined) return undefined;
  if (typeof entry === 'string')
    return { date: day(entry, field), certainty: 'certain', alternatives: [], cite: [] };
  return {
    date: day(entry.date, `${field}.date`),
    certainty: entry.certainty ?? 'certain',
    alternatives: (entry.alternatives ?? []).map((a, i) => day(a, `${field}.alternatives.${i}`)),
    note: entry.note,
    cite: entry.cite ?? [],
  };
}

/** Turns a checked rule entry (YAML or JSON) into a rule; a clause referred to but not defined is an error naming the field. */
export function ruleFromEntry(e: RuleEntry, lists: readonly CountryList[]): Rule {
  const clauseIds = new Set<string>();
  e.clauses.forEach((c, i) => {
    if (clauseIds.has(c.id))
      throw new TwinningError('DataFileInvalid', `clause id "${c.id}" is used twice`, {
        field: `clauses.${i}.id`,
      });
    clauseIds.add(c.id);
  });
  const exceptionIds = new Set<string>();
  (e.exceptions ?? []).forEach((x, i) => {
    if (exceptionIds.has(x.id))
      throw new TwinningError('DataFileInvalid', `exception id "${x.id}" is used twice`, {
        field: `exceptions.${i}.id`,
      });
    exceptionIds.add(x.id);
  });
  (e.interpretations ?? []).forEach((x, i) => {
    if (!clauseIds.has(x.clause))
      throw new TwinningError('DataFileInvalid', `no clause has the id "${x.clause}"`, {
        field: `interpretations.${i}.clause`,
      });
  });
  const ref = e.predicate.partner_country_in;
  if (ref && !findList(lists, ref.list))
    throw new TwinningError('DataFileInvalid', `no country list has the id or citation "${ref.list}"`, {
      field: 'predicate.partner_country_in.list',
    });
  return {
    id: e.id,
    title: e.title,
    jurisdiction: e.jurisdiction,
    status: e.status,
    act: e.act,
    citation: e.citation,
    sources: e.sources,
    binds: {
      jurisdictions: e.binds.jurisdictions ?? [],
      exceptKinds: e.binds.except_kinds ?? [],
      localities: e.binds.localities ?? [],
      associationMembers: e.binds.association_members,
      note: e.binds.note,
      cite: e.binds.cite ?? [],
    },
    predicate: {
      partnerCountryIn: ref && {
        list: ref.list,
        asOf: ref.as_of === undefined ? undefined : day(ref.as_of, 'predicate.partner_country_in.as_of'),
      },
      partnerForeign: e.predicate.partner_foreign,
      linkKinds: e.predicate.link_kinds,
      recognisedBy: e.predicate.recognised_by,
      exclusivePairs: e.predicate.exclusive_pairs,
    },
    clauses: e.clauses.map((c, i) => ({
      id: c.id,
      effect: c.effect,
      text: c.text,
      from: ruleDate(c.from, `clauses.${i}.from`),
      to: ruleDate(c.to, `clauses.${i}.to`),
      deadline: ruleDate(c.deadline, `clauses.${i}.deadline`),
      deadlineDaysAfterFrom: c.deadline_days_after_from,
      formedBefore: ruleDate(c.formed_before, `clauses.${i}.formed_before`),
      existing: c.existing,
      locator: c.locator,
      cite: c.cite,
    })),
    exceptions: (e.exceptions ?? []).map((x) => ({
      id: x.id,
      text: x.text,
      when: x.when && {
        boundKinds: x.when.bound_kinds,
        linkKinds: x.when.link_kinds,
        localities: x.when.localities,
      },
      note: x.note,
      cite: x.cite,
    })),
    interpretations: e.interpretations ?? [],
    decisions: (e.decisions ?? []).map((d, i) => ({ ...d, date: day(d.date, `decisions.${i}.date`) })),
    notes: e.notes,
    cite: e.cite,
  };
}

/** Turns a checked country-list entry into a list. */
export function countryListFromEntry(e: CountryListEntry): CountryList {
  return {
    id: e.id,
    title: e.title,
    citation: e.citation,
    aliases: (e.aliases ?? []).map((a) => ({ citation: a.citation, note: a.note, cite: a.cite ?? [] })),
    mode: e.mode,
    completeness: e.completeness,
    completenessNote: e.completeness_note,
    sources: e.sources,
    entries: e.entries.map((x, i) => ({
      country: x.country,
      from: x.from === undefined ? undefined : day(x.from, `entries.${i}.from`),
      to: x.to === undefined ? undefined : day(x.to, `entries.${i}.to`),
      certainty: x.certainty ?? 'certain',
      note: x.note,
      cite: x.cite,
    })),
    cite: e.cite,
  };
}
