import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, print } from 'graphql';
import { csvLine } from '../../common/csv';
import { AFTER_VARIABLE, connectionOperation } from '../../gateway/export/connection-operation';
import { csvCells, jsonRow } from '../../gateway/export/rows';

const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8'));

describe('reading an export operation', () => {
  test('pages the one connection with $exportAfter, selects its page info and adds the provenance the node has', () => {
    const operation = connectionOperation(
      schema,
      'query ($year: Int) { budgetLines(first: 5, filter: { fiscalYear: $year }) { totalCount edges { node { id amounts { approved paid } state { id } } } } }',
      undefined,
      100,
    );
    expect(operation.path).toEqual(['budgetLines']);
    expect(operation.columns.map((column) => column.name)).toEqual([
      'id',
      'amounts.approved',
      'amounts.paid',
      'state.id',
      'source.dataset',
      'source.file',
      'source.row',
      'source.path',
      'source.publisher',
      'source.licence',
    ]);
    const text = print(operation.document);
    expect(text).toContain(`$${AFTER_VARIABLE}: String`);
    expect(text).toContain(`budgetLines(filter: {fiscalYear: $year}, first: 100, after: $${AFTER_VARIABLE})`);
    expect(text).toContain('pageInfo {');
    expect(text).toContain('totalCount');
  });

  test('a connection below single objects is found; aliases name the columns', () => {
    const operation = connectionOperation(
      schema,
      'query ($id: ID!) { institution(id: $id) { kids: children { edges { node { name orden: order } } } } }',
      undefined,
      50,
    );
    expect(operation.path).toEqual(['institution', 'kids']);
    expect(operation.columns.map((column) => column.name).slice(0, 2)).toEqual(['name', 'orden']);
  });

  test.each([
    ['no connection', '{ commitment(id: "x") { title } }', /exactly one connection/],
    ['two connections', '{ budgetLines { edges { node { id } } } contracts { edges { node { id } } } }', /has 2/],
    ['a mutation', 'mutation { x }', /Only queries/],
    ['two operations without a name', 'query A { budgetLines { edges { node { id } } } } query B { __typename }', /operationName/],
    ['a connection inside a list', '{ allocations { program { institution { children { edges { node { id } } } } } } }', /inside a list/],
  ])('%s is refused with a code', (_name, query, message) => {
    expect(() => connectionOperation(schema, query, undefined, 10)).toThrow(message);
    try {
      connectionOperation(schema, query, undefined, 10);
    } catch (error) {
      expect((error as { extensions: { code: string } }).extensions.code).toBe('BAD_EXPORT_REQUEST');
    }
  });
});

describe('rows', () => {
  const operation = connectionOperation(schema, '{ contracts { edges { node { id title suppliers { name } value } } } }', undefined, 10);

  test('nested fields become dotted columns; lists join; money stays exact text; nulls are empty', () => {
    const node = { id: 'c1', title: 'Uniformes', suppliers: [{ name: 'A' }, { name: 'B' }], value: '1095187.984', source: null };
    expect(csvCells(node, operation.columns).slice(0, 4)).toEqual(['c1', 'Uniformes', 'A; B', '1095187.984']);
    expect(jsonRow(node, operation.columns)).toMatchObject({
      id: 'c1',
      'suppliers.name': ['A', 'B'],
      value: '1095187.984',
      'source.dataset': null,
    });
  });

  test('a text cell a spreadsheet would run is neutralised, a negative amount is not', () => {
    expect(csvLine(['=HYPERLINK("http://x")', '-12.50', '@SUM(A1)', 'a,b'])).toBe(
      '"\'=HYPERLINK(""http://x"")",-12.50,\'@SUM(A1),"a,b"\r\n',
    );
    // OWASP's whole list: full-width signs, tab and carriage return too (the CR also quotes the cell).
    expect(csvLine(['＝1+1', '＋cmd|calc', '－1', '＠SUM(A1)', '\t=1', '\r=1'])).toBe(
      `'＝1+1,'＋cmd|calc,'－1,'＠SUM(A1),'\t=1,"'\r=1"\r\n`,
    );
  });
});
