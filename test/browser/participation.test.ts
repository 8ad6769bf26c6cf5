import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { describeWithBrowser, keepOffline, launchBrowser } from '../helpers/browser';
import { startFederation, type TestFederation } from '../helpers/federation';
import { tokenFor } from '../helpers/participation-tokens';

const TLAXCALA_3 = 'MX-TLA-PAL-2016-03';
/** Markup that would run if a page ever parsed a report as HTML: each attempt sets a global the test reads. */
const HOSTILE = '<img src="x" onerror="window.pwned=1"><script>window.pwned=2</script> ]]> =1+1 & <b>negritas</b>';
const CONTACT = 'periodista.privada@example.org';

describeWithBrowser('participation on the pages, in a real headless Chromium, offline', () => {
  let federation: TestFederation;
  let browser: Browser;
  let origin: string;
  const contexts: BrowserContext[] = [];
  /** Every request a page made to a host other than this machine: it must stay empty (no CDN, works offline). */
  const leftLocalhost: string[] = [];
  /** The GraphQL requests the pages sent, with their headers. */
  const sent: Request[] = [];

  beforeAll(async () => {
    federation = await startFederation();
    origin = new URL(federation.gateway.url).origin;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await federation?.stop();
  });

  afterEach(() => expect(leftLocalhost).toEqual([]));

  /** A browser profile of its own (its own sessionStorage), cut off from every host but this machine. */
  async function person(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    contexts.push(context);
    await keepOffline(context, leftLocalhost);
    return context;
  }

  async function open(context: BrowserContext, url: string): Promise<Page> {
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(message.text().slice(0, 200));
    });
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) sent.push(request);
    });
    await page.goto(`${origin}${url}`);
    await page.waitForLoadState('networkidle');
    expect(failures).toEqual([]);
    return page;
  }

  async function reportsOn(type: 'budgetProgram' | 'commitment', id: string) {
    const { data } = await federation.query(
      `query ($id: ID!) { item: ${type}(id: $id) { reports { totalCount edges { node { id body field category status } } } } }`,
      { id },
    );
    return data!.item.reports;
  }

  async function login(context: BrowserContext, token: string): Promise<Page> {
    const page = await open(context, '/secretariado');
    await page.locator('#token').fill(token);
    await page.getByRole('button', { name: 'Entrar' }).click();
    return page;
  }

  test("the report form on FORTAMUN's block sends a report without a token, which then shows on the block, as text", async () => {
    const context = await person();
    const page = await open(context, `/?compromiso=${TLAXCALA_3}`);
    const block = page.locator('article.program', { hasText: '33I005' });
    await expect(block.locator('.no-reports').innerText()).resolves.toBe('Nadie ha reportado problemas aquí.');
    await block.getByText('Reportar un problema').click();
    await expect(block.locator('.report-form .note').innerText()).resolves.toMatch(/^Tu contacto nunca se publica/);
    await block.locator('select[name="category"]').selectOption('WRONG_FIGURE');
    await block.locator('select[name="field"]').selectOption('totals.paid');
    await block.locator('textarea[name="body"]').fill(HOSTILE);
    await block.locator('input[name="contact"]').fill(CONTACT);
    const before = sent.length;
    await block.getByRole('button', { name: 'Enviar reporte' }).click();
    await block.locator('.form-status', { hasText: 'Gracias' }).waitFor();
    await block.locator('li.report').waitFor();

    // The API has it, on that program and field, with the text exactly as typed.
    const reports = await reportsOn('budgetProgram', '2018:33I005');
    expect(reports.edges.map(({ node }: any) => [node.body, node.field, node.category, node.status])).toEqual([
      [HOSTILE, 'totals.paid', 'WRONG_FIGURE', 'OPEN'],
    ]);
    // The write carried an idempotency key, no token and no cookie.
    const write = sent.slice(before).find((request) => request.postData()?.includes('reportProblem'))!;
    const headers = await write.allHeaders();
    expect(headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    expect(headers.authorization).toBeUndefined();
    expect(headers.cookie).toBeUndefined();

    // Shown as text: the markup is the report's words, no element was made of it and nothing ran.
    const item = block.locator('li.report');
    await expect(item.locator('.report-body').innerText()).resolves.toBe(HOSTILE);
    await expect(item.locator('.report-status').innerText()).resolves.toBe('Abierto');
    await expect(item.innerText()).resolves.toContain('Cifra equivocada · campo totals.paid');
    await expect(block.locator('.reports img, .reports script, .reports b').count()).resolves.toBe(0);
    await expect(page.evaluate('window.pwned')).resolves.toBeUndefined();
    await expect(page.locator('body').innerText()).resolves.not.toContain(CONTACT);
    // Another block (the commitment's own) still has none.
    await expect(page.locator('.commitment-block .no-reports').count()).resolves.toBe(1);
    await page.close();
  }, 90_000);

  test('the secretariat page: a Tlaxcala member answers a report on the commitment and proposes progress; another sector confirms it', async () => {
    const { data } = await federation.query(`mutation ($input: ReportProblemInput!) { reportProblem(input: $input) { report { id } } }`, {
      input: { target: { type: 'COMMITMENT', id: TLAXCALA_3 }, category: 'MISSING_DOCUMENT', body: HOSTILE, contact: CONTACT },
    });
    const reportId = data!.reportProblem.report.id;
    const government = await tokenFor(federation, {
      sub: 'gob-tlax',
      role: 'SECRETARIAT_MEMBER',
      state: '29',
      sector: 'GOVERNMENT',
      name: 'Ana <i>Gobierno</i>',
    });

    const member = await person();
    const page = await login(member, government);
    const report = page.locator(`li.report[data-report="${reportId}"]`);
    await report.waitFor();
    await expect(page.locator('.who').innerText()).resolves.toMatch(
      /^Sesión de Ana <i>Gobierno<\/i>, Secretariado técnico \(Gobierno\) · estado 29/,
    );
    await expect(report.locator('.report-body').innerText()).resolves.toBe(HOSTILE);
    // The token stays in this tab's sessionStorage and never becomes a cookie.
    await expect(page.evaluate("sessionStorage.getItem('ftm.secretariado.token')")).resolves.toBe(government);
    await expect(member.cookies()).resolves.toEqual([]);

    await report.locator('select[name="status"]').selectOption('ACKNOWLEDGED');
    await report.locator('textarea[name="note"]').fill('Lo revisamos <script>window.pwned=3</script>');
    await report.getByRole('button', { name: 'Responder' }).click();
    await page.locator(`li.report[data-report="${reportId}"] .report-status`, { hasText: 'Reconocido' }).waitFor();
    await expect(page.locator(`li.report[data-report="${reportId}"] .answer-note`).innerText()).resolves.toBe(
      'Lo revisamos <script>window.pwned=3</script>',
    );
    const answered = await reportsOn('commitment', TLAXCALA_3);
    expect(answered.edges.find(({ node }: any) => node.id === reportId).node.status).toBe('ACKNOWLEDGED');

    const commitment = page.locator(`article[data-commitment="${TLAXCALA_3}"]`);
    await commitment.getByText('Proponer un avance').click();
    await commitment.locator('select[name="completion"]').selectOption('SUBSTANTIAL');
    await commitment.locator('textarea[name="note"]').fill('Ruta publicada en el portal del estado');
    await commitment.locator('input[name="evidence"]').fill('https://example.org/ruta');
    await commitment.getByRole('button', { name: 'Proponer avance' }).click();
    const proposed = page.locator(`article[data-commitment="${TLAXCALA_3}"] li.update-proposed`);
    await proposed.waitFor();
    // The proposer's own sector cannot confirm: no button for them.
    await expect(proposed.getByRole('button', { name: 'Confirmar este avance' }).count()).resolves.toBe(0);
    // Every request of the session carried the token in the Authorization header.
    const ofSession = sent.filter((request) => request.frame().page() === page);
    expect(ofSession.length).toBeGreaterThan(3);
    for (const request of ofSession) {
      const headers = await request.allHeaders();
      expect(headers.authorization).toBe(`Bearer ${government}`);
      expect(headers.cookie).toBeUndefined();
    }
    await expect(page.evaluate('window.pwned')).resolves.toBeUndefined();
    await page.close();

    const civil = await tokenFor(federation, {
      sub: 'osc-tlax',
      role: 'SECRETARIAT_MEMBER',
      state: '29',
      sector: 'CIVIL_SOCIETY',
      name: 'Luis',
    });
    const other = await person();
    const second = await login(other, civil);
    const pending = second.locator(`article[data-commitment="${TLAXCALA_3}"] li.update-proposed`);
    await pending.getByRole('button', { name: 'Confirmar este avance' }).click();
    await second.locator(`article[data-commitment="${TLAXCALA_3}"] li.update-confirmed`).waitFor();
    await second.close();

    // The journalist's page shows the completion and the timeline, with both sectors.
    const reader = await open(await person(), `/?compromiso=${TLAXCALA_3}`);
    await expect(reader.locator('.completion [data-completion]').innerText()).resolves.toBe('Sustancial');
    const confirmed = reader.locator('li.update-confirmed');
    await expect(confirmed.count()).resolves.toBe(1);
    await expect(confirmed.innerText()).resolves.toMatch(
      /Sustancial · propuesto el .+ por Ana <i>Gobierno<\/i>, Secretariado técnico \(Gobierno\) · confirmado el .+ por Luis, Secretariado técnico \(Sociedad civil\)/,
    );
    await expect(confirmed.locator('.evidence a').getAttribute('href')).resolves.toBe('https://example.org/ruta');
    await expect(reader.locator('.commitment-block li.report .report-status').innerText()).resolves.toBe('Reconocido');
    await reader.close();
  }, 120_000);

  test('a forged or expired token, or one outside its role: writes refused, explained in plain Spanish; an expired one said at once', async () => {
    const real = await tokenFor(federation, { sub: 'gob-tlax', role: 'SECRETARIAT_MEMBER', state: '29', sector: 'GOVERNMENT' });
    const [header, payload] = real.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(86)}`;
    const expired = await tokenFor(federation, { sub: 'gob-tlax', role: 'SECRETARIAT_MEMBER', state: '29', sector: 'GOVERNMENT' }, -1);
    await federation.query(`mutation ($input: ReportProblemInput!) { reportProblem(input: $input) { report { id } } }`, {
      input: { target: { type: 'STATE', id: '29' }, category: 'OUTDATED', body: 'Cifras de población de 2015' },
    });
    const before = await reportsOn('commitment', TLAXCALA_3);
    for (const token of [forged, expired]) {
      const page = await login(await person(), token);
      await expect(page.locator('.expired').count()).resolves.toBe(token === expired ? 1 : 0);
      const report = page.locator('.secretariat-reports li.report').first();
      await report.locator('textarea[name="note"]').fill('Intento con un token que no sirve');
      await report.getByRole('button', { name: 'Responder' }).click();
      await expect(report.locator('.form-status', { hasText: 'token' }).innerText()).resolves.toBe(
        'El token no es válido, ya venció o no es para esta API. Pide uno nuevo a quien administra el secretariado.',
      );
      const commitment = page.locator(`article[data-commitment="${TLAXCALA_3}"]`);
      await commitment.getByText('Proponer un avance').click();
      await commitment.locator('textarea[name="note"]').fill('Avance con un token que no sirve');
      await commitment.getByRole('button', { name: 'Proponer avance' }).click();
      await expect(commitment.locator('.propose-form .form-status', { hasText: 'token' }).innerText()).resolves.toMatch(
        /^El token no es válido/,
      );
      await page.close();
    }
    expect(await reportsOn('commitment', TLAXCALA_3)).toEqual(before);

    // A valid token outside its role: a moderator (who answers and hides, but reports no progress) is FORBIDDEN.
    const moderator = await tokenFor(federation, { sub: 'mod-1', role: 'MODERATOR', state: '29', name: 'Moderación' });
    const forbidden = await login(await person(), moderator);
    const commitment = forbidden.locator(`article[data-commitment="${TLAXCALA_3}"]`);
    await commitment.waitFor();
    const updates = await commitment.locator('li.update').count();
    await commitment.getByText('Proponer un avance').click();
    await commitment.locator('textarea[name="note"]').fill('Avance propuesto por moderación');
    await commitment.getByRole('button', { name: 'Proponer avance' }).click();
    await expect(commitment.locator('.propose-form .form-status', { hasText: 'permite' }).innerText()).resolves.toBe(
      'Tu token no permite esta acción: solo puedes atender reportes y compromisos de tu estado, y confirmar avances que propuso otro sector.',
    );
    const { data } = await federation.query('query ($id: ID!) { commitment(id: $id) { progress { id } } }', { id: TLAXCALA_3 });
    expect(data!.commitment.progress).toHaveLength(updates);
    await forbidden.close();

    const page = await login(await person(), 'no es un token');
    await expect(page.locator('#view .warning').innerText()).resolves.toBe(
      'Ese texto no parece un token. Cópialo completo, tal como te lo dieron.',
    );
    await page.close();
  }, 90_000);
});
