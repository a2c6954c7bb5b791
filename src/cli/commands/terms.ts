import type { Command } from 'commander';
import { termsInLanguage } from '../../core/terminology.js';
import { listTerms } from '../../store/term.repository.js';
import { printJson, withRegistry, type CliIo, type GlobalOptions } from '../context.js';

/** `twinning terms [--lang L]`: the words for twinning, by language. */
export function registerTerms(program: Command, io: CliIo): void {
  program
    .command('terms')
    .description('the terms for a twinning in each language and country')
    .option('--lang <code>', 'only this language (BCP 47, e.g. de, zh)')
    .action(async (options: { lang?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const all = await withRegistry(globals, ({ db }) => listTerms(db));
      const terms = termsInLanguage(
        all.map((t) => ({ ...t, citations: [] })),
        options.lang,
      );
      if (globals.json)
        return printJson(
          io,
          terms.map(({ citations: _c, ...t }) => t),
        );
      if (terms.length === 0) io.out(`No terms in language "${options.lang}".`);
      for (const t of terms) {
        const roman = t.romanized ? ` (${t.romanized})` : '';
        const where = t.country ? `, ${t.country}` : '';
        io.out(`${t.lang}${where}: ${t.term}${roman} — ${t.meaning}${t.linkKind ? ` [${t.linkKind}]` : ''}`);
      }
    });
}
