import { parse } from 'csv-parse/sync';
import { startFederation, type TestFederation } from '../helpers/federation';
import { FILLED, readRows, sum } from '../subgraphs/budgets/expected';

let api: TestFederation;
let base: string;
beforeAll(async () => {
  api = await startFederation();
  base = api.gateway.url.replace('/graphql', '');
}, 180_000);
afterAll(async () => {
  await api?.stop();
});

const LINES = `query Lines($year: Int) {
  budgetLines(filter: { fiscalYear: $year }) {
    edges { node { id program { key } state { name } amounts { approved modified accrued exercised paid } } }
  }
}`;

async function codeOf(response: Response): Promise<string> {
  const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
  return body.errors[0].extensions.code;
}

function exportUrl(format: 'csv' | 'ndjson', query: string, variables: Record<string, unknown>) {
  return `${base}/export.${format}?${new URLSearchParams({ query, variables: JSON.stringify(variables) })}`;
}

describe('export through the gateway', () => {
  test('every 2017 budget line as CSV: 2,614 rows whose amounts sum to the file, with provenance columns', async () => {
    const response = await fetch(exportUrl('csv', LINES, { year: 2017 }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="budgetLines.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    // The UTF-8 byte order mark a spreadsheet needs (fetch's text() would hide it, so the bytes are read).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const rows: Record<string, string>[] = parse(text, { columns: true, bom: true });
    expect(rows).toHaveLength(2614);
    expect(new Set(rows.map((row) => row.id)).size).toBe(2614);
    expect(Object.keys(rows[0])).toEqual([
      'id',
      'program.key',
      'state.name',
      'amounts.approved',
      'amounts.modified',
      'amounts.accrued',
      'amounts.exercised',
      'amounts.paid',
      'source.dataset',
      'source.file',
      'source.row',
      'source.path',
      'source.publisher',
      'source.licence',
    ]);
    // The exported amounts are the API's exact text; their sums equal the file's, computed apart with BigInt.
    const file = readRows(2017);
    for (const [moment, column] of FILLED[2017]) {
      expect(sum(rows, `amounts.${moment}`)).toBe(sum(file, column));
    }
    expect(new Set(rows.map((row) => `${row['source.dataset']} ${row['source.file']}`))).toEqual(
      new Set(['shcp-pef-2017-sample 2017.sample.csv']),
    );
    expect(rows.filter((row) => !/^\d+$/.test(row['source.row']))).toEqual([]);
    // Federated fields come through: the state of a line is resolved by the institutions subgraph.
    expect(rows.filter((row) => row['state.name'] === 'Tlaxcala').length).toBeGreaterThan(0);
  }, 120_000);

  test('NDJSON: one JSON object per line with the same dotted columns, and POST works like GET', async () => {
    const response = await fetch(`${base}/export.ndjson`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LINES, variables: { year: 2018 } }),
    });
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(readRows(2018).length);
    expect(lines[0]).toHaveProperty(['amounts.approved']);
    expect(lines[0]).toHaveProperty(['source.dataset']);
  }, 120_000);

  test('a query that is not one connection, or that fails, answers 400 with a code and no file', async () => {
    const notAConnection = await fetch(exportUrl('csv', '{ commitment(id: "MX-TLA-PAL-2016-03") { title } }', {}));
    expect(notAConnection.status).toBe(400);
    expect(await codeOf(notAConnection)).toBe('BAD_EXPORT_REQUEST');
    const invalid = await fetch(exportUrl('csv', '{ budgetLines { edges { node { nope } } } }', {}));
    expect(invalid.status).toBe(400);
    expect(await codeOf(invalid)).toBe('GRAPHQL_VALIDATION_FAILED');
    const missing = await fetch(`${base}/export.csv`);
    expect(missing.status).toBe(400);
    expect(await codeOf(missing)).toBe('BAD_REQUEST');
  });

  test('the limits of /graphql apply: a query over the cost limit is refused', async () => {
    const deep = `{ budgetLines { edges { node { institution { children(first: 100) { edges { node { children(first: 100) {
      edges { node { children(first: 100) { edges { node { id } } } } } } } } } } } } } }`;
    const response = await fetch(exportUrl('ndjson', deep, {}));
    expect(response.status).toBe(400);
    expect(await codeOf(response)).toMatch(/QUERY_TOO_(COSTLY|DEEP)/);
  });
});
