import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeWithBrowser, keepOffline, launchBrowser } from '../helpers/browser';
import { startFederation, type TestFederation } from '../helpers/federation';

const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');
const TLAXCALA_3 = 'MX-TLA-PAL-2016-03';

describeWithBrowser('the pages, in a real headless Chromium', () => {
  let federation: TestFederation;
  let browser: Browser;
  let context: BrowserContext;
  let origin: string;
  /** Every request a page made to a host other than this machine: it must stay empty (no CDN, works offline). */
  const leftLocalhost: string[] = [];

  beforeAll(async () => {
    federation = await startFederation();
    origin = new URL(federation.gateway.url).origin;
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
    await keepOffline(context, leftLocalhost);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await federation?.stop();
  });

  afterEach(() => expect(leftLocalhost).toEqual([]));

  async function open(url: string): Promise<Page> {
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('requestfailed', (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));
    // A blocked script, style or font (the page's CSP) or a failed load shows up as a console error.
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(message.text().slice(0, 200));
    });
    await page.goto(`${origin}${url}`);
    // Page scripts run after load; let them settle before the test reads the page.
    await page.waitForLoadState('networkidle');
    expect(failures).toEqual([]);
    return page;
  }

  async function screenshot(page: Page, name: string) {
    const image = await page.screenshot({ fullPage: true });
    // A PNG: signature, and a real page's worth of pixels rather than a blank error page.
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    expect(image.readUInt32BE(16)).toBe(1100);
    expect(image.readUInt32BE(20)).toBeGreaterThan(600);
    if (process.env.UPDATE_SCREENSHOTS) {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      fs.writeFileSync(path.join(SCREENSHOTS, `${name}.png`), image);
    }
  }

  test('the explorer at /graphql runs the Follow-the-Money example with no request leaving the machine', async () => {
    const page = await open('/graphql');
    await page.getByRole('tab', { name: 'FollowTheMoney' }).click();
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().endsWith('/graphql') && candidate.request().method() === 'POST'),
      page.locator('.graphiql-execute-button').click(),
    ]);
    const answer = await response.json();
    const fortamun = answer.data.commitment.allocations.find((allocation: any) => allocation.program?.key === '33I005');
    expect(fortamun.program.totals).toEqual({ approved: '1369724738.00', paid: '342431184.00' });
    // The result pane shows the answer (CodeMirror draws only its first screenful, so the title is what is there).
    await page.locator('.result-window').getByText('"commitment"').waitFor();
    await screenshot(page, 'explorer');
    await page.close();
  }, 60_000);

  test("Tlaxcala's commitment #3: FORTAMUN's exact 2018 figures, its records, the institution's reserved one as reserved, a chart", async () => {
    const page = await open(`/?compromiso=${TLAXCALA_3}`);
    const fortamun = page.locator('article.program', { hasText: '33I005' });
    await expect(fortamun.locator('dd[data-moment="approved"]').innerText()).resolves.toBe('$1,369,724,738.00');
    await expect(fortamun.locator('dd[data-moment="paid"]').innerText()).resolves.toBe('$342,431,184.00');
    await expect(fortamun.locator('svg.chart rect').count()).resolves.toBe(6);
    const reserved = page.locator('li.access-reserved');
    await expect(reserved.count()).resolves.toBeGreaterThan(0);
    await expect(reserved.first().innerText()).resolves.toMatch(/Reservado hasta \d{4}-\d{2}-\d{2}/);
    await expect(page.locator('li.access-public').count()).resolves.toBeGreaterThan(0);
    // An absent part (no description, no errors) leaves nothing behind, not the word "null".
    await expect(page.locator('#view').innerText()).resolves.not.toMatch(/\bnull\b/);
    await screenshot(page, 'commitment');
    await page.close();
  }, 60_000);

  test('a commitment page says in one line how much of the paid money public records document', async () => {
    const { data } = await federation.query('{ commitment(id: "MX-SLP-PAL-2017-03") { documentation { paid documented coverage } } }');
    expect(data!.commitment.documentation).toEqual({ paid: '679278.23', documented: '12689.03', coverage: expect.any(Number) });
    expect((data!.commitment.documentation.coverage * 100).toFixed(1)).toBe('1.9');
    const page = await open('/?compromiso=MX-SLP-PAL-2017-03');
    await expect(page.locator('p.coverage').innerText()).resolves.toMatch(
      /^El 1\.9 % de los pesos pagados está documentado por un expediente público \(\$12,689\.03 de \$679,278\.23; 4 de 7 pagos sin ninguno\)\./,
    );
    await page.close();
    const tlaxcala = await open(`/?compromiso=${TLAXCALA_3}`);
    await expect(tlaxcala.locator('p.coverage').innerText()).resolves.toBe(
      'No hay pagos registrados: no hay pesos pagados que documentar.',
    );
    await tlaxcala.close();
  }, 60_000);

  test('a commitment page lists its contracts’ red flags with the reason, the coverage, and a CSV; a buyer page its shares', async () => {
    const { data } = await federation.query(
      '{ commitment(id: "MX-SLP-PAL-2017-03") { contracts { id buyer { id } redFlags(raisedOnly: true) { code reasonEs } } } }',
    );
    const raised = data!.commitment.contracts.flatMap((contract: any) => contract.redFlags.map((flag: any) => ({ contract, flag })));
    expect(raised.length).toBeGreaterThan(0);
    const page = await open('/?compromiso=MX-SLP-PAL-2017-03');
    const section = page.locator('section.red-flags');
    await expect(section.locator('tbody tr').count()).resolves.toBe(raised.length);
    await expect(section.locator('tbody').innerText()).resolves.toContain(raised[0].flag.reasonEs);
    await expect(page.locator('p.verdict').innerText()).resolves.toMatch(/^Una señal de alerta es un motivo para revisar, no una prueba/);
    await expect(page.locator('ul.flag-coverage').innerText()).resolves.toMatch(
      /Inició antes de firmarse: \d+ de \d+ contratos pudieron revisarse/,
    );
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: /Descargar CSV/ }).click()]);
    const lines = fs
      .readFileSync((await download.path())!, 'utf8')
      .replace('\uFEFF', '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('contrato,senal,codigo,por_que,datos');
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(),
    ).toEqual(raised.map(({ contract }: any) => contract.id).sort());
    await page.close();

    const buyer = raised.find(({ contract }: any) => contract.buyer?.id)!.contract.buyer.id;
    const buyerPage = await open(`/?comprador=${encodeURIComponent(buyer)}`);
    await expect(buyerPage.locator('article.buyer dl').innerText()).resolves.toMatch(
      /Concentración en proveedores \(IHH, 0 a 10,000\)\s+\d+/,
    );
    await expect(buyerPage.locator('article.buyer table').innerText()).resolves.toContain('Inició antes de firmarse');
    await buyerPage.close();
  }, 60_000);

  test("the commitment's CSV download equals the API's answer", async () => {
    const page = await open(`/?compromiso=${TLAXCALA_3}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator('article.program', { hasText: '33I005' })
        .getByRole('link', { name: /Descargar CSV/ })
        .click(),
    ]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = text
      .slice(1)
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    const { data } = await federation.query(
      `query ($id: ID!) { commitment(id: $id) { allocations { program { key fiscalYear
         totals { approved modified committed accrued exercised paid } source { dataset file } } } } }`,
      { id: TLAXCALA_3 },
    );
    const program = data!.commitment.allocations.find((allocation: any) => allocation.program?.key === '33I005').program;
    expect(rows[0]).toEqual(['programa', 'ejercicio', 'momento', 'monto_mxn', 'fuente', 'archivo']);
    expect(rows.slice(1)).toEqual(
      Object.entries(program.totals).map(([moment, amount]) => [
        '33I005',
        String(program.fiscalYear),
        moment,
        amount ?? '',
        program.source.dataset,
        program.source.file,
      ]),
    );
    await page.close();
  }, 60_000);

  test('a state page draws federal spending by year and by year and chapter, and lists its action plans', async () => {
    const page = await open('/?estado=29');
    await expect(page.locator('h1').innerText()).resolves.toBe('Tlaxcala');
    const [byYear, byChapter] = await page.locator('svg.chart').all();
    await expect(byYear.locator('rect').count()).resolves.toBe(4);
    const { data } = await federation.query('{ spending(groupBy: [FISCAL_YEAR, CHAPTER], filter: { states: ["29"] }) { totalCount } }');
    expect(data!.spending.totalCount).toBeGreaterThan(1);
    await expect(byChapter.locator('rect').count()).resolves.toBe(data!.spending.totalCount);
    await expect(page.getByRole('link', { name: /FORTAMUN/ }).count()).resolves.toBe(1);
    await screenshot(page, 'state');
    await page.close();
  }, 60_000);
});
