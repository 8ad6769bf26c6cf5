import http from 'node:http';
import type { Browser } from 'playwright-core';
import type { RunningGateway } from '../../gateway/server';
import { atomProblems, type ParsedFeed, parseAtom } from '../helpers/atom';
import { describeWithBrowser, launchBrowser } from '../helpers/browser';
import { startFederation, type TestFederation } from '../helpers/federation';
import { type TokenClaims, tokenFor } from '../helpers/participation-tokens';

const TLAXCALA_3 = 'MX-TLA-PAL-2016-03';
const HOSTILE = '<script>alert("feed")</script> ]]> <![CDATA[ x ]]> & =HYPERLINK("http://evil")';
const CONTACT = 'reportera.secreta@example.org';

/** The feeds, read by Chromium's XML parser and held to RFC 4287 (test/helpers/atom.ts). */
describeWithBrowser('Atom feeds of reports and progress, through the gateway', () => {
  let federation: TestFederation;
  let browser: Browser;
  let cached: RunningGateway;
  const ids: Record<string, string> = {};

  async function send(gateway: RunningGateway, query: string, variables: Record<string, unknown>, token?: string) {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
    return body.data;
  }

  const token = (claims: TokenClaims) => tokenFor(federation, claims);

  async function report(type: string, id: string, body: string, field?: string, gateway = federation.gateway) {
    const data = await send(gateway, `mutation ($input: ReportProblemInput!) { reportProblem(input: $input) { report { id } } }`, {
      input: { target: { type, id }, field, category: 'WRONG_FIGURE', body, contact: CONTACT },
    });
    return data.reportProblem.report.id as string;
  }

  async function feed(path: string, headers: Record<string, string> = {}, gateway = federation.gateway) {
    return fetch(`${new URL(gateway.url).origin}${path}`, { headers });
  }

  /** Through node:http: fetch() adds `Cache-Control: no-cache` to a request with If-None-Match, which forbids a 304. */
  function revalidate(gateway: RunningGateway, path: string, etag: string) {
    return new Promise<{ status?: number; etag?: string; body: string }>((resolve, reject) => {
      http
        .get(`${new URL(gateway.url).origin}${path}`, { headers: { 'if-none-match': etag } }, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode, etag: response.headers.etag, body }));
        })
        .on('error', reject);
    });
  }

  async function parsed(path: string): Promise<{ text: string; feed: ParsedFeed }> {
    const response = await feed(path);
    expect(response.status).toBe(200);
    const text = await response.text();
    return { text, feed: await parseAtom(browser, text) };
  }

  beforeAll(async () => {
    federation = await startFederation();
    cached = await federation.anotherGateway({ RESPONSE_CACHE: 'true' });
    browser = await launchBrowser();
    const government = await token({ sub: 'gob-1', role: 'SECRETARIAT_MEMBER', state: '29', sector: 'GOVERNMENT', name: 'Ana Gobierno' });
    const civil = await token({ sub: 'osc-1', role: 'SECRETARIAT_MEMBER', state: '29', sector: 'CIVIL_SOCIETY', name: 'Luis Sociedad' });
    const moderator = await token({ sub: 'mod-1', role: 'MODERATOR', name: 'Moderación' });

    ids.hostile = await report('COMMITMENT', TLAXCALA_3, HOSTILE, 'title');
    ids.hidden = await report('COMMITMENT', TLAXCALA_3, 'Un reporte que moderación oculta');
    ids.state = await report('STATE', '29', 'La población de Tlaxcala no cuadra');
    ids.federal = await report('BUDGET_PROGRAM', '2018:33I005', 'El pagado de FORTAMUN no cuadra', 'totals.paid');
    await send(
      federation.gateway,
      'mutation ($id: ID!) { hideReport(id: $id, reason: "prueba") { report { id } } }',
      { id: ids.hidden },
      moderator,
    );
    await send(
      federation.gateway,
      `mutation ($id: ID!) { answerReport(id: $id, status: ACKNOWLEDGED, note: "Lo revisamos <b>hoy</b>") { report { id } } }`,
      { id: ids.hostile },
      government,
    );
    const propose = `mutation ($id: ID!, $input: ProgressInput!) { proposeProgress(commitmentId: $id, input: $input) { progress { id } } }`;
    const proposed = await send(
      federation.gateway,
      propose,
      { id: TLAXCALA_3, input: { completion: 'SUBSTANTIAL', note: 'Portal publicado', evidence: [{ url: 'https://example.org/portal' }] } },
      government,
    );
    ids.confirmed = proposed.proposeProgress.progress.id;
    await send(federation.gateway, 'mutation ($id: ID!) { confirmProgress(id: $id) { progress { id } } }', { id: ids.confirmed }, civil);
    const pending = await send(
      federation.gateway,
      propose,
      { id: TLAXCALA_3, input: { completion: 'COMPLETE', note: 'Sin confirmar', evidence: [] } },
      government,
    );
    ids.pending = pending.proposeProgress.progress.id;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await federation?.stop();
  });

  test("a commitment's feed: valid Atom with its public reports and its confirmed progress, nothing hidden, pending or private", async () => {
    const { text, feed: atom } = await parsed(`/feeds/commitments/${TLAXCALA_3}.atom`);
    expect(atomProblems(atom)).toEqual([]);
    const origin = new URL(federation.gateway.url).origin;
    expect(atom.id).toEqual([`${origin}/feeds/commitments/${TLAXCALA_3}.atom`]);
    expect(atom.links).toEqual(
      expect.arrayContaining([
        { rel: 'self', href: `${origin}/feeds/commitments/${TLAXCALA_3}.atom` },
        { rel: 'alternate', href: `${origin}/?compromiso=${TLAXCALA_3}` },
      ]),
    );
    expect(atom.entries.map((entry) => entry.id[0]).sort()).toEqual(
      [`${atom.id[0]}#avance-${ids.confirmed}`, `${atom.id[0]}#reporte-${ids.hostile}`].sort(),
    );
    const hostile = atom.entries.find((entry) => entry.id[0].endsWith(`#reporte-${ids.hostile}`))!;
    // The body reads back exactly as sent: escaped in the file, text to the reader.
    expect(hostile.content[0].text).toContain(`\n${HOSTILE}\n`);
    expect(hostile.content[0].text).toMatch(/reconocido · Ana Gobierno · Secretariado técnico \(gobierno\): Lo revisamos <b>hoy<\/b>/);
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('<b>hoy');
    const progress = atom.entries.find((entry) => entry.id[0].endsWith(`#avance-${ids.confirmed}`))!;
    expect(progress.title[0]).toMatch(/^Avance confirmado: sustancial — /);
    expect(progress.authorNames).toEqual(['Ana Gobierno · Secretariado técnico (gobierno)']);
    expect(progress.content[0].text).toContain('https://example.org/portal');
    for (const secret of [
      CONTACT,
      'Un reporte que moderación oculta',
      'Sin confirmar',
      `#reporte-${ids.hidden}<`,
      `#avance-${ids.pending}<`,
    ])
      expect(text).not.toContain(secret);
  });

  test("a state's feed: reports on any of its items and its commitments' confirmed progress, not a federal program's", async () => {
    const { text, feed: atom } = await parsed('/feeds/states/29.atom');
    expect(atomProblems(atom)).toEqual([]);
    expect(atom.title[0]).toMatch(/^Tlaxcala — /);
    const entries = atom.entries.map((entry) => entry.id[0].split('#')[1]).sort();
    expect(entries).toEqual([`avance-${ids.confirmed}`, `reporte-${ids.hostile}`, `reporte-${ids.state}`].sort());
    expect(text).not.toContain(CONTACT);
    expect(text).not.toContain('FORTAMUN no cuadra');
    const empty = await parsed('/feeds/states/14.atom');
    expect(atomProblems(empty.feed)).toEqual([]);
    expect(empty.feed.entries).toEqual([]);
  });

  test("cacheable: an ETag and Cache-Control like /graphql's GET answers, 304 while unchanged, a new ETag after a write", async () => {
    const path = `/feeds/commitments/${TLAXCALA_3}.atom`;
    for (const gateway of [federation.gateway, cached]) {
      const first = await feed(path, {}, gateway);
      const etag = first.headers.get('etag')!;
      expect(first.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      expect(first.headers.get('cache-control')).toBe('no-cache');
      expect(etag).toMatch(/^"[\w-]{43}"$/);
      const before = await first.text();
      expect((await revalidate(gateway, path, etag)).status).toBe(304);
      // Sent through the caching gateway, the write moves participation's data version, so the cached answer goes.
      const added = await report(
        'COMMITMENT',
        TLAXCALA_3,
        `Nuevo reporte vía ${gateway === cached ? 'caché' : 'directo'}`,
        undefined,
        cached,
      );
      const after = await revalidate(gateway, path, etag);
      expect(after.status).toBe(200);
      expect(after.etag).not.toBe(etag);
      expect(after.body).toContain(`#reporte-${added}<`);
      expect(after.body).not.toBe(before);
    }
  });

  test('an unknown id is a coded 404, an id of the wrong shape a coded 400, and only .atom is served', async () => {
    const cases: [string, number, string][] = [
      ['/feeds/commitments/MX-TLA-PAL-2016-99.atom', 404, 'NOT_FOUND'],
      ['/feeds/states/33.atom', 404, 'NOT_FOUND'],
      ['/feeds/commitments/%3Cscript%3E.atom', 400, 'BAD_FEED_ID'],
      ['/feeds/commitments/2018:33I005.atom', 400, 'BAD_FEED_ID'],
      ['/feeds/states/abc.atom', 400, 'BAD_FEED_ID'],
      ['/feeds/states/290.atom', 400, 'BAD_FEED_ID'],
      ['/feeds/states/29.rss', 404, 'NOT_FOUND'],
    ];
    for (const [path, status, code] of cases) {
      const response = await feed(path);
      expect([path, response.status]).toEqual([path, status]);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe(code);
      expect(body.errors[0].message).not.toContain('<script>');
    }
  });
});
