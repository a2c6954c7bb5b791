import type { Command } from 'commander';
import { LINK_KINDS } from '../../core/link.js';
import type { CliIo, GlobalOptions } from '../context.js';

type WhatIfOptions = { asOf?: string; add?: string[]; without?: string[]; enact?: string[]; format?: string };

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function whatIf(c: Command): Command {
  return c
    .option('--as-of <date>', 'judge at this date (YYYY, YYYY-MM or YYYY-MM-DD; default today)')
    .option(
      '--add <file.yaml>',
      'what-if: add a rule, or replace the rule of the same id (repeatable)',
      collect,
    )
    .option('--without <rule>', 'what-if: leave a rule out (repeatable)', collect)
    .option('--enact <rule=date>', 'what-if: take a bill as enacted on a date (repeatable)', collect)
    .option('--format <format>', 'text, json or csv', 'text');
}

/** `twinning rules list|check|report`: laws and policies on twinning, and their verdicts at any date. */
export function registerRules(program: Command, io: CliIo): void {
  const rules = program
    .command('rules')
    .description('laws and policies on twinning, and what they say of links');
  rules
    .command('list')
    .description('the rules and country lists, with their citations')
    .action(async (_o: object, command: Command) => {
      const { listRules } = await import('../actions/rules.js');
      listRules(io, command.optsWithGlobals<GlobalOptions>());
    });
  whatIf(
    rules
      .command('check')
      .description(
        'every rule\'s verdict on a locality\'s links, on one link ("link:ID"), or with --with on a link to a partner (a proposed one when none exists)',
      )
      .argument('<target>', 'a locality (name or key), or link:ID')
      .option('--with <partner>', 'the other locality: judge the link between them, or a proposed one')
      .option('--kind <kind>', `the kind of a proposed link (${LINK_KINDS.join(', ')})`),
  ).action(
    async (target: string, options: WhatIfOptions & { with?: string; kind?: string }, command: Command) => {
      const { checkRules } = await import('../actions/rules.js');
      await checkRules(io, command.optsWithGlobals<GlobalOptions>(), target, options);
    },
  );
  whatIf(
    rules
      .command('report')
      .description('every link a rule reaches at a date, with its verdict (CSV or JSON with --format)')
      .argument('<rule>', 'the rule id (see `twinning rules list`)'),
  ).action(async (ruleId: string, options: WhatIfOptions, command: Command) => {
    const { reportRule } = await import('../actions/rules.js');
    await reportRule(io, command.optsWithGlobals<GlobalOptions>(), ruleId, options);
  });
}
