import type { Command } from 'commander';
import type { SuggestOptions } from '../actions/suggest.js';
import type { CliIo, GlobalOptions } from '../context.js';

/** `twinning suggest <locality>`: ranked, explained new partners; `twinning suggest --train` trains the model. */
export function registerSuggest(program: Command, io: CliIo): void {
  program
    .command('suggest')
    .description(
      'new partners for a locality, ranked, each with its score and reasons; --train trains the model',
    )
    .argument('[locality]', 'a name in any language or a locality key')
    .option('--as-of <date>', 'the network at this date (YYYY, YYYY-MM or YYYY-MM-DD); default today')
    .option('--country <code>', 'only candidates in this country (ISO 3166-1 alpha-2)')
    .option('--continent <code>', 'only candidates on this continent (AF AN AS EU NA OC SA)')
    .option(
      '--kind <kind>',
      'the kind of link sought (twin_town, partner_town…), for the rules and exclusivity',
    )
    .option('--limit <n>', 'how many suggestions', '10')
    .option('--train', 'train the model on the registry and write data/suggest/model.json')
    .option('--seed <n>', 'random seed for --train', '1')
    .option('--model <file>', 'where --train writes the model, or the model to rank with')
    .action(async (locality: string | undefined, options: SuggestOptions, command: Command) => {
      const { suggest } = await import('../actions/suggest.js');
      await suggest(io, command.optsWithGlobals<GlobalOptions>(), locality, options);
    });
}
