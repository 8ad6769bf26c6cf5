import type { Browser } from 'playwright-core';
import { atomXml, escapeXml } from '../../gateway/feeds/atom.format';
import { atomProblems, parseAtom } from '../helpers/atom';
import { describeWithBrowser, launchBrowser } from '../helpers/browser';

const HOSTILE = '<script>alert("x")</script> ]]> <![CDATA[ & &amp; \'quoted\' =SUM(A1)';

function feedWith(body: string) {
  return atomXml({
    id: 'http://localhost/feeds/commitments/MX-TLA-PAL-2016-03.atom',
    title: 'Título <b>con</b> marcas',
    self: 'http://localhost/feeds/commitments/MX-TLA-PAL-2016-03.atom?a=1&b=2',
    alternate: 'http://localhost/?compromiso=MX-TLA-PAL-2016-03',
    author: 'Sigue el dinero',
    entries: [
      {
        id: 'http://localhost/feeds/commitments/MX-TLA-PAL-2016-03.atom#reporte-1',
        title: 'Reporte antiguo',
        updated: '2026-01-01T00:00:00.000Z',
        authors: ['Persona usuaria (anónima)'],
        content: 'antes',
      },
      {
        id: 'http://localhost/feeds/commitments/MX-TLA-PAL-2016-03.atom#reporte-2',
        title: `Reporte ${HOSTILE}`,
        updated: '2026-03-01T10:00:00.000Z',
        authors: ['Ana <Gobierno>'],
        contributors: ['Luis & Co.'],
        categories: ['WRONG_FIGURE'],
        content: body,
      },
    ],
  });
}

describe('Atom text', () => {
  test('markup, CDATA ends and entities in a report are escaped, never passed through', () => {
    const xml = feedWith(HOSTILE);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    expect(xml).not.toContain('<![CDATA[');
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; ]]&gt; &lt;![CDATA[ &amp; &amp;amp; &apos;quoted&apos;');
    expect(xml).toContain('href="http://localhost/feeds/commitments/MX-TLA-PAL-2016-03.atom?a=1&amp;b=2"');
  });

  test('characters XML cannot carry are dropped; tabs, newlines, accents and astral characters stay', () => {
    expect(escapeXml('a\u0000b\u0008c\u001Fd\uFFFEe\uD800f')).toBe('abcdef');
    expect(escapeXml('línea\tuno\nlínea dos\r📄')).toBe('línea\tuno\nlínea dos\r📄');
  });

  test('entries newest first; the feed is updated when its newest entry is, and an empty one at a fixed instant', () => {
    const xml = feedWith('x');
    expect(xml.indexOf('#reporte-2')).toBeLessThan(xml.indexOf('#reporte-1'));
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="es">/);
    expect(xml.match(/<updated>[^<]*<\/updated>/)?.[0]).toBe('<updated>2026-03-01T10:00:00.000Z</updated>');
    const empty = atomXml({ id: 'http://x/f.atom', title: 't', self: 'http://x/f.atom', alternate: 'http://x/', author: 'a', entries: [] });
    expect(empty).toContain('<updated>1970-01-01T00:00:00Z</updated>');
    expect(empty).not.toContain('<entry>');
  });
});

describeWithBrowser('Atom parsed by a real XML parser (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(() => browser?.close());

  test('a feed with hostile text is well-formed Atom whose text reads back exactly as written', async () => {
    const feed = await parseAtom(browser, feedWith(`${HOSTILE}\nsegunda línea`));
    expect(atomProblems(feed)).toEqual([]);
    expect(feed.title).toEqual(['Título <b>con</b> marcas']);
    expect(feed.entries.map((entry) => entry.title[0])).toEqual([`Reporte ${HOSTILE}`, 'Reporte antiguo']);
    expect(feed.entries[0].content).toEqual([{ type: 'text', text: `${HOSTILE}\nsegunda línea` }]);
    expect(feed.entries[0].people).toEqual([['name'], ['name']]);
    expect(feed.entries[0].authorNames).toEqual(['Ana <Gobierno>']);
  });

  test('the checks catch what breaks a feed: a bad date, a person with an e-mail, text that is not XML', async () => {
    const broken = feedWith('x')
      .replace('<updated>2026-01-01T00:00:00.000Z</updated>', '<updated>ayer</updated>')
      .replace('<name>Sigue el dinero</name>', '<name>Sigue el dinero</name><email>a@b.mx</email>');
    expect(atomProblems(await parseAtom(browser, broken))).toEqual(['feed: a person with name, email', 'entry 1: updated ayer']);
    await expect(parseAtom(browser, '<feed xmlns="http://www.w3.org/2005/Atom"><title>a</feed>')).rejects.toThrow(/Not well-formed/);
  });
});
