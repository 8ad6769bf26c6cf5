import fs from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '../../common/paths';
import { githubSlug, markdownAnchors, markdownLinks } from '../helpers/markdown-links';

/** Folders that hold no document of the project: installed packages, builds, local databases, git itself. */
const NOT_THE_PROJECT = new Set(['node_modules', '.git', 'dist', '.data', 'coverage']);

/** The project's Markdown files, relative to its root (walked, not asked of git, so that a copy without .git runs it). */
function markdownFiles(folder = ''): string[] {
  return fs.readdirSync(path.join(repositoryRoot, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) return NOT_THE_PROJECT.has(entry.name) ? [] : markdownFiles(relative);
    return entry.name.endsWith('.md') ? [relative] : [];
  });
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

/** What is wrong with one relative link, or null: the path must exist in the repository, an anchor must be a heading. */
function brokenLink(file: string, target: string, anchorsOf: (file: string) => Set<string>): string | null {
  const hash = target.indexOf('#');
  const pathPart = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
  const anchor = hash < 0 ? null : decodeURIComponent(target.slice(hash + 1));
  const resolved = pathPart === '' ? path.join(repositoryRoot, file) : path.resolve(repositoryRoot, path.dirname(file), pathPart);
  const inRepository = path.relative(repositoryRoot, resolved);
  if (inRepository.startsWith('..') || path.isAbsolute(inRepository)) return 'points outside the repository';
  if (!fs.existsSync(resolved)) return `${inRepository} does not exist`;
  if (anchor === null || anchor === '' || !resolved.endsWith('.md')) return null;
  return anchorsOf(inRepository).has(anchor) ? null : `${inRepository} has no heading #${anchor}`;
}

describe('relative links in the Markdown files', () => {
  const files = markdownFiles();
  const anchors = new Map<string, Set<string>>();
  const anchorsOf = (file: string) => {
    if (!anchors.has(file)) anchors.set(file, markdownAnchors(fs.readFileSync(path.join(repositoryRoot, file), 'utf8')));
    return anchors.get(file)!;
  };

  test('finds the files and their links', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/architecture.md', 'data/SOURCES.md']));
    expect(files.some((file) => file.includes('node_modules'))).toBe(false);
  });

  test('lead to a file that exists and, into Markdown, to a heading it has', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of files) {
      for (const { line, target } of markdownLinks(fs.readFileSync(path.join(repositoryRoot, file), 'utf8'))) {
        if (EXTERNAL.test(target)) continue;
        checked++;
        const problem = brokenLink(file, target, anchorsOf);
        if (problem) broken.push(`${file}:${line} (${target}): ${problem}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(broken).toEqual([]);
  });

  test('the README links every docs/*.md', () => {
    const readme = fs.readFileSync(path.join(repositoryRoot, 'README.md'), 'utf8');
    const linked = new Set(markdownLinks(readme).map(({ target }) => path.normalize(target.split('#')[0])));
    const docs = files.filter((file) => /^docs\/[^/]+\.md$/.test(file));
    expect(docs.length).toBeGreaterThan(5);
    expect(docs.filter((doc) => !linked.has(doc))).toEqual([]);
  });
});

describe('docs/architecture.md', () => {
  test('names only paths that exist', () => {
    const architecture = fs.readFileSync(path.join(repositoryRoot, 'docs', 'architecture.md'), 'utf8');
    const named = [
      ...architecture.matchAll(/`((?:gateway|common|subgraphs|tools|migrations|schema|web|examples|data|docs|test|\.ci)\/[^`<>*\s]*)`/g),
    ].map((match) => match[1]);
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((named) => !fs.existsSync(path.join(repositoryRoot, named)))).toEqual([]);
  });
});

describe('the Markdown rules the link check relies on', () => {
  test("GitHub's heading anchors", () => {
    expect(githubSlug('How fast (`npm run bench:api`)')).toBe('how-fast-npm-run-benchapi');
    expect(githubSlug('Aggregates: how much, where, who')).toBe('aggregates-how-much-where-who');
    expect(githubSlug('Cost at import (`npm run bench:red-flags`)')).toBe('cost-at-import-npm-run-benchred-flags');
    expect(githubSlug('The programme’s figures')).toBe('the-programmes-figures');
    expect(githubSlug('Año fiscal y *Cuenta Pública* [ver](x.md)')).toBe('año-fiscal-y-cuenta-pública-ver');
    expect(githubSlug('a_b  c')).toBe('a_b--c');
  });

  test('links outside code only, repeated headings numbered', () => {
    const markdown = [
      '# Title',
      'See [a](a.md#x), ![img](i.png "t") and `[not](code.md)`.',
      '```',
      '[nor](fenced.md)',
      '```',
      '[ref]: <b.md>',
      '## Title',
      '<a name="here"></a>',
    ].join('\n');
    expect(markdownLinks(markdown)).toEqual([
      { line: 2, target: 'a.md#x' },
      { line: 2, target: 'i.png' },
      { line: 6, target: 'b.md' },
    ]);
    expect([...markdownAnchors(markdown)]).toEqual(['title', 'title-1', 'here']);
  });
});
