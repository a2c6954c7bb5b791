import type { NetworkQuery } from '../../registry/network/input.js';
import { parseNetworkQuery } from '../../registry/network/query-text.js';
import type { NetworkOptions } from '../network-options.js';

/** Reads and checks the network options; bad values throw naming the option. */
export function networkQuery(options: NetworkOptions): NetworkQuery {
  return parseNetworkQuery(options, (name) => (name === 'asOf' ? '--as-of' : `--${name}`));
}
