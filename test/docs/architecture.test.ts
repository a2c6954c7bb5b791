import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every file and every folder under a directory, as paths relative to it with `/` separators. */
function walk(dir: string): { files: string[]; folders: string[] } {
  const entries = readdirSync(`${root}${dir}`, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of entries) {
    const relative = `${entry.parentPath.slice(`${root}${dir}`.length)}/${entry.name}`.replace(/^\/+/, '');
    if (entry.isDirectory()) folders.push(`${relative}/`);
    else files.push(relative);
  }
  return { files: files.sort(), folders: folders.sort() };
}

/**
 * The files and folders the annotated tree of docs/ARCHITECTURE.md names: the code block that starts with
 * `src/`. A line whose first word ends in `/` opens a folder, nested under the folders indented less than it;
 * the file names a line starts with (before its description) are files of the folder it sits in.
 */
function documentedTree(): { files: Set<string>; folders: Set<string> } {
  const text = readFileSync(`${root}docs/ARCHITECTURE.md`, 'utf8');
  const block = text.split('```').find((part) => part.trimStart().startsWith('src/'));
  if (block === undefined) throw new Error('docs/ARCHITECTURE.md has no code block starting with src/');
  const files = new Set<string>();
  const folders = new Set<string>();
  const stack: { indent: number; path: string }[] = [];
  for (const line of block.split('\n')) {
    if (line.trim() === '') continue;
    const indent = line.length - line.trimStart().length;
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack.length > 0 ? stack[stack.length - 1]!.path : '';
    const words = line.trim().split(/\s+/);
    if (words[0]!.endsWith('/')) {
      const path = `${parent}${words[0]}`;
      folders.add(path);
      stack.push({ indent, path });
      continue;
    }
    for (const word of words) {
      if (!/^[\w.-]+\.(ts|js|css)$|^READY$/.test(word)) break;
      files.add(`${parent}${word}`);
    }
  }
  return { files, folders };
}

describe('docs/ARCHITECTURE.md', () => {
  const tree = documentedTree();
  const src = walk('src');

  it('names every file under src/ in its folder', () => {
    const missing = src.files.map((file) => `src/${file}`).filter((file) => !tree.files.has(file));
    expect(missing, 'files under src/ without a line in the tree').toEqual([]);
  });

  it('names every folder under src/', () => {
    const missing = src.folders
      .map((folder) => `src/${folder}`)
      .filter((folder) => !tree.folders.has(folder));
    expect(missing, 'folders under src/ missing from the tree').toEqual([]);
  });

  it('names no file that is gone', () => {
    const existing = new Set(src.files.map((file) => `src/${file}`));
    const gone = [...tree.files].filter((file) => !existing.has(file));
    expect(gone, 'lines of the tree naming files that do not exist').toEqual([]);
  });
});

describe('test/ mirrors src/', () => {
  it('has no test folder without a counterpart under src/', () => {
    const srcFolders = new Set(walk('src').folders);
    const own = /^(support|fixtures|docs|api\/__snapshots__)(\/|$)/;
    const strays = walk('test')
      .folders.filter((folder) => !own.test(folder))
      .filter((folder) => !srcFolders.has(folder));
    expect(strays, 'folders of test/ that mirror nothing under src/').toEqual([]);
  });
});
