import { isListed } from './country-lists.js';
import type { CountryList, Rule } from './rule.js';
import type { LinkSubject, Party } from './subject.js';
import type { TraceStep } from './verdict.js';

/** Whether a rule reaches a link, which side it binds, and the steps that show it. */
export interface Applicability {
  boundSide: 'a' | 'b';
  bound: Party;
  partner: Party;
  /** The predicate holds surely, or may hold (a partial list, an unknown kind or country). */
  certainty: 'yes' | 'maybe';
  /** The link is the exclusive pair itself. */
  exclusivePair: boolean;
  uncertain: boolean;
  trace: TraceStep[];
}

/** True when the rule binds this party: a named place, a place in its jurisdiction, or a member. */
export function binds(rule: Rule, party: Party): string | undefined {
  const b = rule.binds;
  if (b.localities.includes(party.key)) return `${party.name} is named by the rule`;
  if (b.exceptKinds.includes(party.kind)) return undefined;
  const place = b.jurisdictions.find((j) => j === party.subdivision || j === party.country);
  if (place)
    return `${party.name} lies in ${place}${party.subdivision === place ? ' (its ISO 3166-2 subdivision)' : ''}`;
  if (b.associationMembers && party.associations?.includes(b.associationMembers))
    return `${party.name} is a member of ${b.associationMembers}`;
  return undefined;
}

function predicateOn(
  rule: Rule,
  lists: readonly CountryList[],
  subject: LinkSubject,
  bound: Party,
  partner: Party,
  day: number,
):
  { certainty: 'yes' | 'maybe'; trace: TraceStep[]; uncertain: boolean; exclusivePair: boolean } | undefined {
  const p = rule.predicate;
  const trace: TraceStep[] = [];
  let certainty: 'yes' | 'maybe' = 'yes';
  let uncertain = false;
  const pair = (x: string, y: string): boolean =>
    (x === subject.a.key && y === subject.b.key) || (x === subject.b.key && y === subject.a.key);
  const exclusivePair = (p.exclusivePairs ?? []).some(([x, y]) => pair(x, y));
  if (p.linkKinds) {
    if (subject.kind === undefined) {
      certainty = 'maybe';
      trace.push({
        kind: 'predicate',
        text: `the link's kind is not recorded; the rule reaches only ${p.linkKinds.join(', ')}`,
        cite: [],
      });
    } else if (!p.linkKinds.includes(subject.kind)) return undefined;
    else
      trace.push({
        kind: 'predicate',
        text: `the link is a ${subject.kind}, a kind the rule reaches`,
        cite: [],
      });
  }
  if (p.partnerForeign) {
    if (partner.country === undefined || bound.country === undefined) {
      certainty = 'maybe';
      trace.push({ kind: 'predicate', text: `the partner's country is not recorded`, cite: [] });
    } else if (partner.country === bound.country) return undefined;
    else
      trace.push({
        kind: 'predicate',
        text: `${partner.name} lies in another country (${partner.country})`,
        cite: [],
      });
  }
  if (p.partnerCountryIn) {
    const answer = isListed(lists, p.partnerCountryIn, partner.country, day);
    if (answer === undefined) {
      certainty = 'maybe';
      trace.push({
        kind: 'list',
        text: `the list "${p.partnerCountryIn.list}" is not in the rule set`,
        cite: [],
      });
    } else {
      if (answer.listed === 'no') return undefined;
      if (answer.listed === 'unknown') certainty = 'maybe';
      const entryCertainty = answer.entry?.certainty;
      if (entryCertainty && entryCertainty !== 'certain' && entryCertainty !== 'reported') uncertain = true;
      const note = answer.entry?.note ? ` (${answer.entry.note})` : '';
      const how = answer.frozen ? 'frozen' : 'dynamic';
      trace.push({
        kind: 'list',
        text: `${answer.text}${note}; the rule reads the list ${how === 'frozen' ? 'as frozen at that date' : 'as amended (dynamic)'}`,
        cite: [...new Set([...answer.list.cite, ...(answer.entry?.cite ?? [])])],
      });
      if (entryCertainty === 'contested') certainty = 'maybe';
    }
  }
  if (p.recognisedBy) {
    trace.push({ kind: 'assumption', text: p.recognisedBy.note, cite: p.recognisedBy.cite });
    uncertain = true;
  }
  return { certainty, trace, uncertain, exclusivePair };
}

/** Whether a rule reaches a link at day `day`: a bound side, and a partner and link meeting its predicate. */
export function applicability(
  rule: Rule,
  lists: readonly CountryList[],
  subject: LinkSubject,
  day: number,
): Applicability | undefined {
  for (const side of ['a', 'b'] as const) {
    const bound = subject[side];
    const partner = side === 'a' ? subject.b : subject.a;
    const why = binds(rule, bound);
    if (why === undefined) continue;
    const p = predicateOn(rule, lists, subject, bound, partner, day);
    if (p === undefined) continue;
    return {
      boundSide: side,
      bound,
      partner,
      certainty: p.certainty,
      exclusivePair: p.exclusivePair,
      uncertain: p.uncertain,
      trace: [
        { kind: 'binds', text: `${why}; the rule binds ${rule.binds.note ?? 'it'}`, cite: rule.binds.cite },
        ...p.trace,
      ],
    };
  }
  return undefined;
}
