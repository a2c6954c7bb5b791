import type { Command } from 'commander';
import { normalizeCountry } from '../core/country.js';
import { TwinningError } from '../core/errors.js';
import { parsePartialDate } from '../core/partial-date.js';
import type { NetworkQuery } from '../registry/network-input.js';

/** The options that select the network: the same for every `stats` command and for `export graph`. */
export function withNetworkOptions(command: Command): Command {
  return command
    .option('--as-of <date>', 'links in force at this date (YYYY, YYYY-MM, YYYY-MM-DD); default today')
    .option('--kind <kinds>', 'only these link kinds, comma-separated (e.g. sister_city,twin_town)')
    .option('--country <codes>', 'only links touching these countries, comma-separated ISO codes')
    .option('--source <keys>', 'only links stated by these sources, comma-separated source keys');
}

const list = (text: string | undefined): string[] | undefined =>
  text === undefined
    ? undefined
    : text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');

/** The network options as commander hands them over. */
export interface NetworkOptions {
  asOf?: string;
  kind?: string;
  country?: string;
  source?: string;
}

/** Reads and checks the network options; bad values throw naming the option. */
export function networkQuery(options: NetworkOptions): NetworkQuery {
  return {
    asOf: options.asOf === undefined ? undefined : parsePartialDate(options.asOf, '--as-of'),
    kinds: list(options.kind),
    countries: list(options.country)?.map((c) => normalizeCountry(c, '--country')),
    sources: list(options.source),
  };
}

/** A positive whole-number option; InvalidInput naming the option otherwise. */
export function positiveInt(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new TwinningError('InvalidInput', `must be a positive whole number, not "${text}"`, {
      field: option,
    });
  }
  return value;
}
