import { definition } from '../../../subgraphs/institutions/definition';
import { guarantorId } from '../../../subgraphs/kit/ids';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await openTestSubgraph(definition);
});

afterAll(async () => {
  await subgraph.close();
});

const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((edge) => edge.node.id);

describe('lookups', () => {
  test('unknown ids are null, not errors', async () => {
    const result = await subgraph.query('{ state(id: "33") { id } institution(id: "MX-CPA-99ZZZ") { id } }');
    expect(result).toEqual({ data: { state: null, institution: null } });
  });

  test('_entities answers State and Institution references, null for unknown ones', async () => {
    const result = await subgraph.query(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on State { id name guarantorBody { id } }
          ... on Institution { id name kind parent { id } }
        }
      }`,
      {
        representations: [
          { __typename: 'State', id: '29' },
          { __typename: 'Institution', id: 'MX-OG-29' },
          { __typename: 'Institution', id: 'MX-RAMO-44' },
          { __typename: 'Institution', id: 'MX-CPA-12M7F' },
          { __typename: 'Institution', id: 'MX-CPA-00000' },
          { __typename: 'State', id: '99' },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([
      { id: '29', name: 'Tlaxcala', guarantorBody: { id: 'MX-OG-29' } },
      { id: 'MX-OG-29', name: expect.stringContaining('Tlaxcala'), kind: 'AUTONOMOUS', parent: null },
      { id: 'MX-RAMO-44', name: expect.stringContaining('Transparencia'), kind: 'AUTONOMOUS', parent: null },
      { id: 'MX-CPA-12M7F', name: expect.stringContaining('Psiquiatría'), kind: 'EXECUTIVE', parent: { id: 'MX-RAMO-12' } },
      null,
      null,
    ]);
  });

  test('_entities for many institutions costs one statement per type per level', async () => {
    const representations = ['01', '02', '03', '04', '05'].map((s) => ({ __typename: 'Institution', id: guarantorId(s) }));
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Institution { id state { id } } } }`;
    const few = await subgraph.statementsDuring(() => subgraph.query(query, { representations: representations.slice(0, 2) }));
    const many = await subgraph.statementsDuring(() => subgraph.query(query, { representations }));
    expect(many).toBe(few);
    expect(few).toBe(2);
  });
});

describe('connections', () => {
  test('states page by page with first/after, totalCount and hasNextPage', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 4; page += 1) {
      const result = await subgraph.query(
        'query ($after: String) { states(first: 10, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { id } } } }',
        {
          after,
        },
      );
      const states = result.data!.states;
      expect(states.totalCount).toBe(32);
      expect(states.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...ids(states));
      after = states.pageInfo.endCursor;
      expect(states.pageInfo.hasNextPage).toBe(seen.length < 32);
    }
    expect(seen).toEqual(Array.from({ length: 32 }, (_, i) => String(i + 1).padStart(2, '0')));
  });

  test('first over the maximum, a negative first and a forged cursor are BAD_USER_INPUT', async () => {
    for (const query of [
      '{ states(first: 101) { totalCount } }',
      '{ institutions(first: -1) { totalCount } }',
      '{ institutions(after: "nope!") { totalCount } }',
    ]) {
      const result = await subgraph.query(query);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const children = await subgraph.query('{ institution(id: "MX-RAMO-12") { children(first: 1000) { totalCount } } }');
    expect(children.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('filters: state, parent, kind + order, name without accents, literal wildcards', async () => {
    const result = await subgraph.query(`{
      tlaxcala: institutions(filter: { stateId: "29" }) { totalCount edges { node { id } } }
      inai: institutions(filter: { parentId: "MX-RAMO-44" }, first: 100) { totalCount edges { node { parent { id } } } }
      education: institutions(filter: { nameContains: "EDUCACION PUBLICA", order: FEDERAL }, first: 100) { edges { node { id name } } }
      wildcard: institutions(filter: { nameContains: "_" }) { totalCount }
      none: institutions(filter: { kind: POLITICAL_PARTY }) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } }
    }`);
    expect(result.errors).toBeUndefined();
    const data = result.data!;
    expect(data.tlaxcala.totalCount).toBe(2);
    expect(ids(data.tlaxcala).sort()).toEqual(['MX-GOB-29', 'MX-OG-29']);
    expect(data.inai.totalCount).toBeGreaterThan(0);
    expect(new Set(data.inai.edges.map((e: { node: { parent: { id: string } } }) => e.node.parent.id))).toEqual(new Set(['MX-RAMO-44']));
    expect(ids(data.education)).toContain('MX-RAMO-11');
    for (const edge of data.education.edges)
      expect(
        edge.node.name
          .normalize('NFD')
          .replace(/\p{Diacritic}/gu, '')
          .toLowerCase(),
      ).toContain('educacion publica');
    expect(data.wildcard.totalCount).toBe(0);
    expect(data.none).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});

describe('no N+1', () => {
  const listQuery = (first: number) => `{
    institutions(first: ${first}, filter: { order: STATE }) {
      edges { node { id parent { id } successor { id } guarantorStatistics { year } state { name guarantorBody { name } executive { name } technicalSecretariat { installedOn members { name institution { id } } } openGovernmentMetric { index } } } }
    }
  }`;

  test('64 state institutions with parent, state, guarantor body and more nested cost what 2 cost', async () => {
    const two = await subgraph.statementsDuring(() => subgraph.query(listQuery(2)));
    const all = await subgraph.statementsDuring(async () => {
      const result = await subgraph.query(listQuery(64));
      expect(result.errors).toBeUndefined();
      expect(result.data!.institutions.edges).toHaveLength(64);
    });
    expect(all).toBe(two);
  });

  test('federal units with their parent ramo and its children page cost what 2 cost', async () => {
    const query = (first: number) =>
      `{ institutions(first: ${first}, filter: { order: FEDERAL }) { edges { node { id parent { id children(first: 3) { totalCount edges { node { id } } } } } } } }`;
    const two = await subgraph.statementsDuring(() => subgraph.query(query(2)));
    const hundred = await subgraph.statementsDuring(() => subgraph.query(query(100)));
    expect(hundred).toBe(two);
  });

  test('all states with their nested relations cost what 2 cost', async () => {
    const query = (first: number) =>
      `{ states(first: ${first}) { edges { node { openGovernmentMetric { index } guarantorBody { guarantorStatistics { budget } } executive { id } technicalSecretariat { installedOn } } } } }`;
    const two = await subgraph.statementsDuring(() => subgraph.query(query(2)));
    const all = await subgraph.statementsDuring(() => subgraph.query(query(32)));
    expect(all).toBe(two);
  });
});
