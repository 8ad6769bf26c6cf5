import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { stateByName } from '../../subgraphs/kit/states';
import { describeWithBrowser, keepOffline, launchBrowser } from '../helpers/browser';
import { startFederation, type TestFederation } from '../helpers/federation';

const DATA = path.resolve(__dirname, '../../data');
const read = (file: string): Record<string, string>[] =>
  parse(fs.readFileSync(path.join(DATA, file)), { columns: true, skip_empty_lines: true });

/** INEGI code of a state as a data file names it ("Veracruz" is the API's "Veracruz de Ignacio de la Llave"). */
const stateId = (name: string): string => stateByName(name)!.id;

/** What the programme reported, straight from the file the participation subgraph loads; states as INEGI codes. */
function reportedFigures() {
  const figures = new Map<string, { asOf: string; count: number | null; states: string[] }>();
  for (const row of read('participation/cocreacion-2017.csv')) {
    const figure = figures.get(row.measure) ?? { asOf: row.as_of, count: null, states: [] };
    if (row.reported_count) figure.count = Number(row.reported_count);
    if (row.state) figure.states.push(stateId(row.state));
    figures.set(row.measure, figure);
  }
  return figures;
}

const END_OF_2017 = '2017-12-31';

describeWithBrowser('the programme page (/?programa): reported beside found, in headless Chromium, offline', () => {
  let federation: TestFederation;
  let browser: Browser;
  let context: BrowserContext;
  let origin: string;
  const leftLocalhost: string[] = [];

  beforeAll(async () => {
    federation = await startFederation();
    origin = new URL(federation.gateway.url).origin;
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await keepOffline(context, leftLocalhost);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await federation?.stop();
  });

  afterEach(() => expect(leftLocalhost).toEqual([]));

  async function open(url: string): Promise<{ page: Page; graphqlRequests: number }> {
    const page = await context.newPage();
    const failures: string[] = [];
    let graphqlRequests = 0;
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(message.text().slice(0, 200));
    });
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) graphqlRequests++;
    });
    await page.goto(`${origin}${url}`);
    await page.waitForLoadState('networkidle');
    expect(failures).toEqual([]);
    return { page, graphqlRequests };
  }

  const figure = (page: Page, measure: string): Locator => page.locator(`article.programme-figure[data-measure="${measure}"]`);
  const text = (locator: Locator) => locator.innerText();

  test('each measure shows the reported figure of the CSV beside the count the API finds, and which states differ', async () => {
    const reported = reportedFigures();
    const { data, errors } = await federation.query(`{
      actionPlans(first: 100) { totalCount edges { node { publishedOn declarationSignedOn state { id name } commitments(first: 1) { totalCount } } } }
      technicalSecretariats { installedOn state { id name } }
      states(first: 32) { edges { node { id name } } }
    }`);
    expect(errors).toBeUndefined();
    const nameOf = new Map<string, string>(data!.states.edges.map(({ node }: any) => [node.id, node.name]));
    const names = (ids: string[]) => ids.map((id) => nameOf.get(id)!);
    const plans: any[] = data!.actionPlans.edges.map(({ node }: any) => node);
    expect(plans).toHaveLength(data!.actionPlans.totalCount);
    const published = plans.filter((plan) => plan.publishedOn && plan.publishedOn <= END_OF_2017);
    const installed = data!.technicalSecretariats.filter((secretariat: any) => secretariat.installedOn <= END_OF_2017);
    // The API's found side is what the local exercises file holds (plans and secretariats installed by 2017).
    const exercises = read('ogp-local/ejercicios_locales.csv');
    expect(published.map((plan) => plan.state.id).sort()).toEqual(
      exercises
        .filter((row) => row.fecha_publicacion_pal && row.fecha_publicacion_pal <= END_OF_2017)
        .map((row) => stateId(row.estado))
        .sort(),
    );
    expect(installed.length).toBe(exercises.filter((row) => row.fecha_instalacion_stl && row.fecha_instalacion_stl <= END_OF_2017).length);
    const commitments = published.reduce((sum, plan) => sum + plan.commitments.totalCount, 0);
    expect(commitments).toBeGreaterThan(0);

    const { page, graphqlRequests } = await open('/?programa');
    // Plans fit one page, so the figures and the found side came in one request within the cost limit.
    expect(graphqlRequests).toBe(1);
    await expect(text(page.locator('h1'))).resolves.toBe('El programa: lo reportado y lo encontrado');
    await expect(page.locator('article.programme-figure').count()).resolves.toBe(reported.size);

    // Reported: the CSV's count (or, for a list, its length), its date and its source file.
    for (const [measure, expected] of reported) {
      const block = figure(page, measure);
      await expect(text(block.locator('.reported-count'))).resolves.toBe(String(expected.count ?? expected.states.length));
      await expect(text(block.locator('.reported'))).resolves.toContain(`(${expected.asOf})`);
      await expect(text(block.locator('.source'))).resolves.toContain('cocreacion-2017.csv');
      if (expected.states.length)
        await expect(text(block.locator('.reported'))).resolves.toContain(`Estados nombrados: ${names(expected.states).join(', ')}.`);
    }

    // Found: the counts the API returns, beside (never instead of) the reported ones.
    const found = async (measure: string) => text(figure(page, measure).locator('.found-count'));
    await expect(found('LOCAL_ACTION_PLANS')).resolves.toBe(String(published.length));
    await expect(found('TECHNICAL_SECRETARIATS')).resolves.toBe(String(installed.length));
    await expect(found('COMMITMENTS')).resolves.toBe(String(commitments));
    await expect(found('NEXT_ACTION_PLANS')).resolves.toBe(String(plans.filter((plan) => plan.publishedOn > END_OF_2017).length));
    await expect(text(page.locator('.found-basis'))).resolves.toBe(
      `Datos cargados: ${plans.length} planes de acción local y ${data!.technicalSecretariats.length} secretariados técnicos instalados.`,
    );
    const participating = new Set([...plans, ...data!.technicalSecretariats].map((item: any) => item.state.id));
    await expect(found('PARTICIPATING_STATES')).resolves.toBe(String(participating.size));
    for (const year of ['2015', '2016']) {
      const cohort = new Set(plans.filter((plan) => plan.declarationSignedOn.startsWith(year)).map((plan) => plan.state.id));
      await expect(found(`COHORT_${year}`)).resolves.toBe(String(cohort.size));
    }
    // What the data does not record is said, not counted.
    for (const measure of ['PRELIMINARY_EVALUATIONS', 'CLOSING_EVALUATIONS', 'RELAUNCHES', 'ADHESION_DECLARATIONS']) {
      await expect(figure(page, measure).locator('.found-count').count()).resolves.toBe(0);
      await expect(text(figure(page, measure).locator('.found'))).resolves.toMatch(/^Los datos cargados no registran esto/);
    }

    // Which named states match or differ: the reported plans against the published ones.
    const reportedPlans = reported.get('LOCAL_ACTION_PLANS')!.states;
    const publishedIds = published.map((plan) => plan.state.id);
    const notFound = names(reportedPlans.filter((id) => !publishedIds.includes(id)));
    const notReported = names(publishedIds.filter((id) => !reportedPlans.includes(id)));
    const plansBlock = figure(page, 'LOCAL_ACTION_PLANS');
    await expect(text(plansBlock.locator('.not-found'))).resolves.toBe(
      `Reportados y no encontrados: ${notFound.length ? notFound.join(', ') : 'ninguno'}`,
    );
    const shownExtra = (await text(plansBlock.locator('.not-reported'))).replace('Encontrados y no reportados: ', '').split(', ');
    expect(shownExtra.sort()).toEqual(notReported.length ? [...notReported].sort() : ['ninguno']);
    const secretariatIds = installed.map((secretariat: any) => secretariat.state.id);
    const missingSecretariats = reported.get('TECHNICAL_SECRETARIATS')!.states.filter((id) => !secretariatIds.includes(id));
    await expect(text(figure(page, 'TECHNICAL_SECRETARIATS').locator('.not-found'))).resolves.toBe(
      `Reportados y no encontrados: ${names(missingSecretariats).join(', ') || 'ninguno'}`,
    );
    await page.close();
  }, 90_000);

  test('the navigation of both pages leads to it', async () => {
    for (const url of ['/', '/secretariado']) {
      const { page } = await open(url);
      await expect(page.getByRole('link', { name: 'El programa', exact: true }).getAttribute('href')).resolves.toBe('/?programa');
      await page.close();
    }
  }, 60_000);
});
