import type { NetworkQuery } from '../../registry/network/input.js';
import { parseNetworkQuery } from '../../registry/network/query-text.js';
import type { NetworkOptions } from '../network-options.js';

/** Reads and checks the network options; bad values throw naming the option. The country tables load for --country only. */
export async function networkQuery(options: NetworkOptions): Promise<NetworkQuery> {
  const check =
    options.country === undefined ? undefined : (await import('../../core/country.js')).normalizeCountry;
  return parseNetworkQuery(options, (name) => (name === 'asOf' ? '--as-of' : `--${name}`), check);
}
