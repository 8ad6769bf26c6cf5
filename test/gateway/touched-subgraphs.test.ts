import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { TouchedSubgraphs } from '../../gateway/cache/touched-subgraphs';
import { readSupergraph } from '../../gateway/supergraph';

const touched = new TouchedSubgraphs(readSupergraph(path.resolve(__dirname, '../../schema/supergraph.graphql')));
const of = (query: string) => touched.of(parse(query));

describe('the subgraphs an operation touches, from the supergraph', () => {
  test('a root field of one subgraph', () => {
    expect(of('{ budgetPrograms(first: 1) { edges { node { key name } } } }')).toEqual(['budgets']);
    expect(of('{ states { totalCount } }')).toEqual(['institutions']);
  });

  test('fields other subgraphs add to an entity count too', () => {
    expect(of('{ commitment(id: "x") { title funding { paid } } }')).toEqual(['budgets', 'commitments']);
    expect(of('{ commitment(id: "x") { title records { code } actionPlan { state { name } } } }')).toEqual([
      'archives',
      'commitments',
      'institutions',
    ]);
  });

  test('a field that requires fields of another subgraph touches that one too', () => {
    // archives weighs budgets' payments: an import of payments must change the key of a cached coverage.
    // A required key (`transactions { id }`) comes from the subgraph that resolved its parent (budgets), not from every
    // subgraph that extends its type: participation's writes leave a cached coverage alone.
    expect(of('{ commitment(id: "x") { documentation { coverage } } }')).toEqual(['archives', 'budgets', 'commitments']);
    expect(of('{ contract(id: "x") { documentation { coverage } } }')).toEqual(['archives', 'budgets']);
    expect(of('{ commitment(id: "x") { records { code } } }')).toEqual(['archives', 'commitments']);
  });

  test('the Follow-the-Money query touches all four', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    const query = /```graphql\n(query FollowTheMoney[\s\S]*?)```/.exec(readme)![1];
    expect(of(query)).toEqual(['archives', 'budgets', 'commitments', 'institutions']);
  });

  test("an item's reports touch participation, whose writes change their key; its other fields do not", () => {
    expect(of('{ budgetProgram(id: "x") { key reports(first: 5) { totalCount } } }')).toEqual(['budgets', 'participation']);
    expect(of('{ budgetProgram(id: "x") { key name } }')).toEqual(['budgets']);
    // Keys that participation also defines (it extends Contract) are read from the subgraph that resolved their parent.
    expect(of('{ contract(id: "x") { documentation { coverage } } }')).not.toContain('participation');
  });

  test('a shareable field every subgraph serves is keyed on all of them', () => {
    expect(of('{ dataVersion { budgets { version } } }')).toContain('budgets');
  });
});
