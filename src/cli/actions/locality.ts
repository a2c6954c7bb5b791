import { placeLabel } from '../../core/region.js';
import { parsePartialDate } from '../../core/partial-date.js';
import { findLocality } from '../../registry/locality/find.js';
import { localityPartners, type PartnerView } from '../../registry/locality/partners.js';
import { printJson, today, withRegistry, type CliIo, type GlobalOptions } from '../context.js';

function partnerLine(p: PartnerView): string {
  const partner = placeLabel(p.partner);
  if (p.status === 'not_formed' && p.latest) {
    return `  ${partner}: ${p.latest.type.replace(/_/g, ' ')} ${p.latest.date}, not yet formed`;
  }
  const since = p.since ? ` since ${p.since}` : '';
  const cause = p.cause && p.status !== 'active' ? ` — ${p.cause}` : '';
  const exclusive = p.exclusive ? ', exclusive' : '';
  return `  ${partner}: ${p.kind ?? 'kind not stated'}${exclusive}, ${p.status.replace(/_/g, ' ')}${since}${cause}`;
}

/** Prints a place's partners with kind and status at a date (`twinning locality <name>`). */
export async function showLocality(
  io: CliIo,
  globals: GlobalOptions,
  name: string,
  options: { asOf?: string; country?: string },
): Promise<void> {
  const asOf = options.asOf === undefined ? undefined : parsePartialDate(options.asOf, '--as-of');
  const view = await withRegistry(globals, async ({ db }) =>
    localityPartners(db, await findLocality(db, name, options.country), asOf, today()),
  );
  if (globals.json) return printJson(io, view);
  const { locality } = view;
  const region = locality.region && locality.region !== locality.name ? `, ${locality.region}` : '';
  const header = `${locality.name}${region} (${locality.kind}${locality.country ? `, ${locality.country}` : ''})`;
  io.out(`${header}${view.asOf ? ` as of ${view.asOf}` : ''}`);
  io.out(`Names: ${locality.namesAtDate.map((n) => `${n.name} [${n.lang}]`).join(', ')}`);
  io.out(`Partners${view.asOf ? ` known to be formed by ${view.asOf}` : ''} (${view.partners.length}):`);
  view.partners.forEach((p) => io.out(partnerLine(p)));
  if (view.undated.length > 0) {
    io.out(
      `Listed by sources without a date, not known to stand in ${view.asOf ?? 'the past'} (${view.undated.length}):`,
    );
    view.undated.forEach((p) => io.out(partnerLine(p)));
  }
  if (view.underConsideration.length > 0) {
    io.out(`Under consideration (${view.underConsideration.length}):`);
    view.underConsideration.forEach((p) => io.out(partnerLine(p)));
  }
}
