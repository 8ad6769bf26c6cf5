import type { Browser } from 'playwright-core';

export interface ParsedEntry {
  id: string[];
  title: string[];
  updated: string[];
  content: { type: string | null; text: string }[];
  /** The child elements of each author and contributor, by local name (only `name` is allowed here). */
  people: string[][];
  authorNames: string[];
  links: { rel: string | null; href: string | null }[];
}

export interface ParsedFeed extends ParsedEntry {
  root: { namespace: string | null; name: string };
  entries: ParsedEntry[];
}

const ATOM = 'http://www.w3.org/2005/Atom';

/** Runs in the page (plain JavaScript: this project's types know no DOM): the feed's elements in the Atom namespace. */
const PARSE = `(text, ns) => {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) return { error: error.textContent || 'parsererror' };
  const children = (parent, name) => Array.from(parent.children).filter((child) => child.namespaceURI === ns && child.localName === name);
  const texts = (parent, name) => children(parent, name).map((child) => child.textContent);
  const people = (parent) =>
    [...children(parent, 'author'), ...children(parent, 'contributor')].map((person) =>
      Array.from(person.children).map((child) => (child.namespaceURI === ns ? '' : '{' + child.namespaceURI + '}') + child.localName),
    );
  const entry = (parent) => ({
    id: texts(parent, 'id'),
    title: texts(parent, 'title'),
    updated: texts(parent, 'updated'),
    content: children(parent, 'content').map((child) => ({ type: child.getAttribute('type'), text: child.textContent })),
    people: people(parent),
    authorNames: children(parent, 'author').flatMap((author) => texts(author, 'name')),
    links: children(parent, 'link').map((link) => ({ rel: link.getAttribute('rel'), href: link.getAttribute('href') })),
  });
  const root = doc.documentElement;
  return { feed: { root: { namespace: root.namespaceURI, name: root.localName }, ...entry(root), entries: children(root, 'entry').map(entry) } };
}`;

/**
 * Parses a feed with Chromium's XML parser (DOMParser, `application/xml`): a real, namespace-aware XML 1.0 parser,
 * already installed for the browser tests, where node_modules has none. Throws with the parser's message when the
 * text is not well-formed XML.
 */
export async function parseAtom(browser: Browser, xml: string): Promise<ParsedFeed> {
  const page = await browser.newPage();
  try {
    const parsed = (await page.evaluate(`(${PARSE})(${JSON.stringify(xml)}, ${JSON.stringify(ATOM)})`)) as
      | { error: string }
      | { feed: ParsedFeed };
    if ('error' in parsed) throw new Error(`Not well-formed XML: ${parsed.error}`);
    return parsed.feed as ParsedFeed;
  } finally {
    await page.close();
  }
}

/** RFC 3339 date-time, as Atom's `updated` requires. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The rules of RFC 4287 a feed reader depends on: an `atom:feed` root with exactly one id, title and updated, a self
 * link, an author on the feed (so none is needed per entry); each entry with exactly one id, title and updated and
 * its content as text; authors and contributors with a name and nothing else (no e-mail, no URI). Returns the
 * problems found, so a test shows them all.
 */
export function atomProblems(feed: ParsedFeed): string[] {
  const problems: string[] = [];
  if (feed.root.namespace !== ATOM || feed.root.name !== 'feed') problems.push(`root is {${feed.root.namespace}}${feed.root.name}`);
  const once = (where: string, item: ParsedEntry) => {
    for (const key of ['id', 'title', 'updated'] as const) {
      if (item[key].length !== 1) problems.push(`${where}: ${item[key].length} ${key}`);
      else if (item[key][0].trim() === '') problems.push(`${where}: empty ${key}`);
    }
    if (item.updated.length === 1 && !DATE_TIME.test(item.updated[0])) problems.push(`${where}: updated ${item.updated[0]}`);
    for (const person of item.people) if (person.join() !== 'name') problems.push(`${where}: a person with ${person.join(', ')}`);
  };
  once('feed', feed);
  if (!feed.links.some((link) => link.rel === 'self' && link.href?.startsWith('http'))) problems.push('feed: no absolute self link');
  if (feed.authorNames.length === 0 && feed.entries.some((entry) => entry.authorNames.length === 0))
    problems.push('an entry without an author in a feed without one');
  const ids = new Set<string>();
  feed.entries.forEach((entry, index) => {
    once(`entry ${index}`, entry);
    if (entry.content.length !== 1 || entry.content[0].type !== 'text') problems.push(`entry ${index}: content is not one text`);
    if (ids.has(entry.id[0])) problems.push(`entry ${index}: id ${entry.id[0]} repeated`);
    ids.add(entry.id[0]);
  });
  return problems;
}
