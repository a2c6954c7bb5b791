import type { Command } from 'commander';
import { TwinningError } from '../core/errors.js';
import type { NetworkQueryText } from '../registry/network/query-text.js';

/** The options that select the network: the same for every `stats` command and for `export graph`. */
export function withNetworkOptions(command: Command): Command {
  return command
    .option('--as-of <date>', 'links in force at this date (YYYY, YYYY-MM, YYYY-MM-DD); default today')
    .option('--kind <kinds>', 'only these link kinds, comma-separated (e.g. sister_city,twin_town)')
    .option('--country <codes>', 'only links touching these countries, comma-separated ISO codes')
    .option('--source <keys>', 'only links stated by these sources, comma-separated source keys');
}

/** The network options as commander hands them over. */
export type NetworkOptions = NetworkQueryText;

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
