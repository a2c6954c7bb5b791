import { termsInLanguage } from '../../core/terminology.js';
import { listTerms } from '../../store/term.repository.js';
import { printJson, withRegistry, type CliIo, type GlobalOptions } from '../context.js';

/** Prints the terms for a twinning, in one language or all (`twinning terms`). */
export async function showTerms(io: CliIo, globals: GlobalOptions, lang: string | undefined): Promise<void> {
  const all = await withRegistry(globals, ({ db }) => listTerms(db));
  const terms = termsInLanguage(
    all.map((t) => ({ ...t, citations: [] })),
    lang,
  );
  if (globals.json)
    return printJson(
      io,
      terms.map(({ citations: _c, ...t }) => t),
    );
  if (terms.length === 0) io.out(`No terms in language "${lang}".`);
  for (const t of terms) {
    const roman = t.romanized ? ` (${t.romanized})` : '';
    const where = t.country ? `, ${t.country}` : '';
    io.out(`${t.lang}${where}: ${t.term}${roman} — ${t.meaning}${t.linkKind ? ` [${t.linkKind}]` : ''}`);
  }
}
