import type { Command } from 'commander';
import type { ServeFlags } from '../../api/config.js';
import type { CliIo, GlobalOptions } from '../context.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `twinning serve`: the HTTP API on the configured database, until SIGINT or SIGTERM. */
export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description(
      'serve the HTTP API (docs at /docs, OpenAPI at /openapi.json); flags override TWINNING_* variables',
    )
    .option('--host <host>', 'interface to listen on ($TWINNING_HOST, default 127.0.0.1)')
    .option('--port <port>', 'port ($TWINNING_PORT, default 8080)')
    .option(
      '--cors-origin <origin>',
      'an origin allowed by CORS, repeatable ($TWINNING_CORS_ORIGINS, comma-separated)',
      collect,
    )
    .option('--body-limit <bytes>', 'largest request body ($TWINNING_BODY_LIMIT, default 1048576)')
    .option('--rate-limit-max <n>', 'requests per client per window ($TWINNING_RATE_LIMIT_MAX, default 600)')
    .option(
      '--rate-limit-window-ms <ms>',
      'the rate-limit window ($TWINNING_RATE_LIMIT_WINDOW_MS, default 60000)',
    )
    .option('--public-read <bool>', 'reads without a token ($TWINNING_PUBLIC_READ, default true)')
    .option(
      '--token-cache-seconds <s>',
      'how long a token lookup is trusted ($TWINNING_TOKEN_CACHE_SECONDS, default 0)',
    )
    .option('--trust-proxy <bool>', 'trust X-Forwarded-* headers ($TWINNING_TRUST_PROXY, default false)')
    .option(
      '--log-level <level>',
      'fatal error warn info debug trace silent ($TWINNING_LOG_LEVEL, default info)',
    )
    .option('--max-page-size <n>', 'largest page of a list ($TWINNING_MAX_PAGE_SIZE, default 500)')
    .option('--max-export-rows <n>', 'most rows in one export ($TWINNING_MAX_EXPORT_ROWS, default 100000)')
    .option(
      '--read-cache-entries <n>',
      'reads kept until the data changes, 0 for none ($TWINNING_READ_CACHE_ENTRIES, default 10000)',
    )
    .action(async (options: ServeFlags, command: Command) => {
      const { serve } = await import('../actions/serve.js');
      await serve(io, command.optsWithGlobals<GlobalOptions>(), options);
    });
}
