import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { costReadsVariables, estimateCost } from '../../gateway/limits/cost';
import { requirementsOf } from '../../gateway/requirements';

const supergraph = fs.readFileSync(path.resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8');
const schema = buildSchema(supergraph);
const options = { defaultPageSize: 20, maxPageSize: 100, listSize: 10, requirements: requirementsOf(parse(supergraph)) };

function parts(source: string) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { operation, fragments };
}

function cost(source: string, variables: Record<string, unknown> = {}) {
  const { operation, fragments } = parts(source);
  return estimateCost(schema, operation, fragments, variables, options);
}

describe('estimated cost', () => {
  test('counts each object once per item of every list above it', () => {
    // institution 1 + parent 1; scalars are free.
    expect(cost('{ institution(id: "x") { name parent { name } } }')).toBe(2);
    // institution 1 + connection 1 + 7 edges + 7 nodes.
    expect(cost('{ institution(id: "x") { children(first: 7) { totalCount edges { node { name } } } } }')).toBe(16);
  });

  test('`first` multiplies, from a literal, a variable or the default page size, and never past the largest page', () => {
    const two = '{ institution(id: "x") { children(first: 3) { edges { node { children(first: 4) { edges { node { id } } } } } } } }';
    // 1 + 1 + 3 + 3 + 3 + 12 + 12
    expect(cost(two)).toBe(35);
    const variable = 'query($n: Int) { institution(id: "x") { children(first: $n) { edges { node { id } } } } }';
    expect(cost(variable, { n: 5 })).toBe(12);
    expect(cost(variable, {})).toBe(42);
    expect(cost(variable, { n: 10_000 })).toBe(202);
  });

  test('plain lists count as the assumed list size, through fragments too', () => {
    const source = `query F($id: ID!) { commitment(id: $id) { ...C } } fragment C on Commitment { records { code series { code } } }`;
    // commitment 1 + 10 records + 10 series
    expect(cost(source, { id: 'x' })).toBe(21);
  });

  test('a field that requires fields of another subgraph costs what the gateway fetches for it', () => {
    // contract 1 + documentation 1 + its requirement: 10 transactions.
    expect(cost('{ contract(id: "x") { documentation { coverage } } }')).toBe(12);
    // Connection 1 + 5 edges, and per program: itself 1 + documentation 1 + its requirement: 10 contracts, 100
    // transactions, 100 programs and totals 1.
    expect(cost('{ budgetPrograms(first: 5) { edges { node { documentation { coverage } } } } }')).toBe(
      1 + 5 + 5 * (1 + 1 + 10 + 100 + 100 + 1),
    );
  });
});

describe('the queries the README names', () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const followTheMoney = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]).find((q) => q.includes('FollowTheMoney'))!;

  test('the Follow-the-Money query costs about 1,200 objects, the three-level children query about two million', () => {
    expect(cost(followTheMoney, { id: 'x' })).toBe(1195);
    const threeLevels = `{ institution(id: "MX-RAMO-11") { children(first: 100) { edges { node { parent { children(first: 100) {
      edges { node { parent { children(first: 100) { edges { node { id } } } } } } } } } } } } }`;
    expect(cost(threeLevels)).toBe(2_040_402);
  });

  test('depends on the variables only through a `first` given as one, in the operation or a fragment', () => {
    const reads = (source: string) => {
      const { operation, fragments } = parts(source);
      return costReadsVariables(operation, fragments);
    };
    expect(reads('query($id: ID!) { commitment(id: $id) { records { code } } }')).toBe(false);
    expect(reads('query($n: Int) { institution(id: "x") { children(first: $n) { edges { node { id } } } } }')).toBe(true);
    expect(
      reads(
        'query($n: Int) { institutions(first: 5) { edges { node { ...F } } } } fragment F on Institution { children(first: $n) { totalCount } }',
      ),
    ).toBe(true);
  });
});
