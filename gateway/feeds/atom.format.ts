/** One Atom entry: everything in it is plain text, escaped when written. */
export interface AtomEntry {
  id: string;
  title: string;
  /** ISO 8601 date-time. */
  updated: string;
  published?: string;
  /** Names only: an entry's author never carries an e-mail or a URI (a reporter's contact is never published). */
  authors: string[];
  contributors?: string[];
  /** The page that shows the entry's item. */
  link?: string;
  categories?: string[];
  content: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own absolute URL. */
  self: string;
  /** The page the feed follows. */
  alternate: string;
  author: string;
  entries: AtomEntry[];
}

/**
 * The time an empty feed says it changed. A fixed instant rather than "now", so that a feed's text, and the ETag made
 * of it, depend only on its data: a feed with no entry has never changed.
 */
const NEVER = '1970-01-01T00:00:00Z';

/** Atom 1.0 (RFC 4287) as text; entries newest first, the feed's `updated` the newest entry's. */
export function atomXml(feed: AtomFeed): string {
  const entries = [...feed.entries].sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="es">',
    element('id', feed.id, 1),
    element('title', feed.title, 1, { type: 'text' }),
    feed.subtitle ? element('subtitle', feed.subtitle, 1, { type: 'text' }) : '',
    element('updated', entries[0]?.updated ?? NEVER, 1),
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
    person('author', feed.author, 1),
    element('generator', 'Sigue el dinero · Follow the Money', 1),
    ...entries.map(entryXml),
    '</feed>',
    '',
  ];
  return lines.filter((line) => line !== '').join('\n');
}

function entryXml(entry: AtomEntry): string {
  return [
    '  <entry>',
    element('id', entry.id, 2),
    element('title', entry.title, 2, { type: 'text' }),
    element('updated', entry.updated, 2),
    entry.published ? element('published', entry.published, 2) : '',
    ...entry.authors.map((name) => person('author', name, 2)),
    ...(entry.contributors ?? []).map((name) => person('contributor', name, 2)),
    entry.link ? `    <link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>` : '',
    ...(entry.categories ?? []).map((term) => `    <category term="${escapeXml(term)}"/>`),
    element('content', entry.content, 2, { type: 'text' }),
    '  </entry>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function person(tag: 'author' | 'contributor', name: string, depth: number): string {
  const indent = '  '.repeat(depth);
  return `${indent}<${tag}>\n${element('name', name, depth + 1)}\n${indent}</${tag}>`;
}

function element(tag: string, text: string, depth: number, attributes: Record<string, string> = {}): string {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
  return `${'  '.repeat(depth)}<${tag}${attrs}>${escapeXml(text)}</${tag}>`;
}

/**
 * Text as XML character data or an attribute value. Entities rather than CDATA, so a `]]>` in a report is just text;
 * characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped, since no
 * escape makes them legal and one of them would make the whole feed unreadable.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
