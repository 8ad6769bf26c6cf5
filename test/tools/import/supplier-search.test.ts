import path from 'node:path';
import { definition } from '../../../subgraphs/budgets/definition';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { DATA, runJson, sandbox, type Sandbox } from './cli';

let box: Sandbox;
let budgets: TestSubgraph;

beforeAll(async () => {
  box = sandbox({ LOAD_SAMPLE: 'false' });
  const files = [2017, 2018].map((year) => path.join(DATA, 'compranet', `${year}.sample.csv`));
  expect((await runJson(box, ['compranet', ...files, '--skip-rejected'])).report.written).toBe(true);
  budgets = await openTestSubgraph(definition, { config: { ...box.config, loadSample: false } });
}, 120_000);
afterAll(async () => {
  await budgets?.close();
  await box?.cleanup();
});

const SUPPLIERS = `query($text: String!) { search(text: $text) { suppliers(first: 5) {
  rank node { key name contractCount contracts(first: 5) { totalCount edges { node { id suppliers { id name } } } } } } } }`;

describe('suppliers in search', () => {
  test.each(['administracion de guarderias', 'ADMINISTRACIÓN GUARDERÍAS', 'Guarderias S.C.', 'guarderías administración'])(
    'a CompraNet supplier is found by its name without accents or case: %s',
    async (text) => {
      const { search } = await budgets.data(SUPPLIERS, { text });
      expect(search.suppliers).toEqual([
        {
          rank: 1,
          node: {
            key: 'ADMINISTRACIÓN DE GUARDERÍAS, S.C.',
            name: 'ADMINISTRACIÓN DE GUARDERÍAS, S.C.',
            contractCount: 1,
            contracts: {
              totalCount: 1,
              edges: [
                {
                  node: {
                    id: expect.stringMatching(/^compranet-2018\//),
                    suppliers: [{ id: null, name: 'ADMINISTRACIÓN DE GUARDERÍAS, S.C.' }],
                  },
                },
              ],
            },
          },
        },
      ]);
    },
  );

  test('a supplier with a RUPC folio is keyed and found by it, and by its name with ñ typed as n', async () => {
    for (const text of ['24306', 'universal compania periodistica']) {
      const { search } = await budgets.data(SUPPLIERS, { text });
      expect(search.suppliers.map((hit: any) => [hit.node.key, hit.node.name, hit.node.contractCount])).toEqual([
        ['24306', 'EL UNIVERSAL COMPAÑIA PERIODISTICA NACIONAL, S.A. DE C.V.', 2],
      ]);
    }
  });

  test('words no supplier has find none; procurement cells by supplier resolve the same supplier', async () => {
    expect((await budgets.data(SUPPLIERS, { text: 'zanahorias extraviadas' })).search.suppliers).toEqual([]);
    const data = await budgets.data(
      '{ procurement(groupBy: [SUPPLIER], filter: { suppliers: ["24306"] }) { edges { node { key { supplier { key name contractCount } } } } } }',
    );
    expect(data.procurement.edges.map((edge: any) => edge.node.key.supplier)).toEqual([
      { key: '24306', name: 'EL UNIVERSAL COMPAÑIA PERIODISTICA NACIONAL, S.A. DE C.V.', contractCount: 2 },
    ]);
  });
});
