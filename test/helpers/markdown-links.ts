/**
 * Just enough Markdown to check a repository's relative links as GitHub renders them: the links outside code, and
 * the anchors GitHub gives headings. A parser library would be a dependency for one test; these rules are few.
 */

export interface MarkdownLink {
  line: number;
  target: string;
}

/** The lines outside fenced code blocks, numbered from 1: as written, and with inline code spans blanked. */
function proseLines(markdown: string): { line: number; raw: string; text: string }[] {
  const lines: { line: number; raw: string; text: string }[] = [];
  let fence: string | null = null;
  markdown.split('\n').forEach((text, index) => {
    const opening = /^\s{0,3}(`{3,}|~{3,})/.exec(text);
    if (opening) {
      if (fence === null) fence = opening[1];
      else if (opening[1].startsWith(fence) && text.trim() === opening[1]) fence = null;
      return;
    }
    if (fence === null) lines.push({ line: index + 1, raw: text, text: text.replace(/(`+)[^`]*?\1/g, (code) => ' '.repeat(code.length)) });
  });
  return lines;
}

/** Inline links and images `[text](target "title")`, and reference definitions `[label]: target`. */
export function markdownLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const { line, text } of proseLines(markdown)) {
    for (const match of text.matchAll(/\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ line, target: match[1].replace(/^<|>$/g, '') });
    }
    const definition = /^\s{0,3}\[[^\]]+\]:\s*(\S+)/.exec(text);
    if (definition) links.push({ line, target: definition[1].replace(/^<|>$/g, '') });
  }
  return links;
}

/** GitHub's anchor for a heading's text (github-slugger): lower case, punctuation dropped, each space a hyphen. */
export function githubSlug(heading: string): string {
  const rendered = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`/g, '')
    .replace(/\*+/g, '');
  return rendered
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a Markdown file offers: its headings' slugs (repeats numbered as GitHub does) and explicit ids. */
export function markdownAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { raw, text } of proseLines(markdown)) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(raw);
    if (heading) {
      const slug = githubSlug(heading[1]);
      const repeats = seen.get(slug) ?? 0;
      seen.set(slug, repeats + 1);
      anchors.add(repeats === 0 ? slug : `${slug}-${repeats}`);
    }
    for (const id of text.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(id[1]);
  }
  return anchors;
}
