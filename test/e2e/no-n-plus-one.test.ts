import { Commitment } from '../../subgraphs/commitments/entities/commitment.entity';
import { commitmentId } from '../../subgraphs/kit/ids';
import { startFederation, type TestFederation } from '../helpers/federation';

/**
 * A dashboard lists commitments with their institution, funding, records and public reports. Through the gateway that
 * is one fetch per subgraph per level, and each subgraph answers a fetch with a fixed number of SQL
 * statements however many commitments it is about: 100 cost what 5 cost.
 */
const LIST = `
query List($first: Int!) {
  commitments(filter: { stateId: "29" }, first: $first) {
    edges { node {
      id
      responsibleInstitution { name kind state { name } }
      funding { approved paid flags }
      allocations { basis program { name totals { approved } } }
      records { code access series { code } }
      completion reports(first: 3) { totalCount edges { node { id status } } }
    } }
  }
}`;

const INSTITUTIONS = ['MX-GOB-29', 'MX-OG-29', 'MX-CPA-20147', 'MX-RAMO-33', 'MX-GOB-10'];

let api: TestFederation;
beforeAll(async () => {
  api = await startFederation();
  const repository = api.subgraphs.commitments.dataSource.getRepository(Commitment);
  const model = await repository.findOneByOrFail({ id: 'MX-TLA-PAL-2016-03' });
  // 95 more Tlaxcala commitments after the five real ones (ids sort after -05), each with an institution.
  const synthetic = Array.from({ length: 95 }, (_, i) =>
    repository.create({
      ...model,
      id: commitmentId('MX-TLA-PAL-2016', 100 + i),
      number: 100 + i,
      responsibleInstitutionId: INSTITUTIONS[i % INSTITUTIONS.length],
    }),
  );
  await repository.save(synthetic);
}, 180_000);
afterAll(async () => {
  await api?.stop();
});

test('listing 100 commitments costs each subgraph the same SQL statements as listing 5', async () => {
  let five: unknown;
  let hundred: unknown;
  const costOfFive = await api.statementsDuring(async () => {
    five = await api.query(LIST, { first: 5 });
  });
  const costOfHundred = await api.statementsDuring(async () => {
    hundred = await api.query(LIST, { first: 100 });
  });
  expect((five as any).errors).toBeUndefined();
  expect((hundred as any).errors).toBeUndefined();
  expect((five as any).data.commitments.edges).toHaveLength(5);
  expect((hundred as any).data.commitments.edges).toHaveLength(100);
  expect((hundred as any).data.commitments.edges[99].node.responsibleInstitution.name).toBeTruthy();
  for (const count of Object.values(costOfFive)) expect(count).toBeGreaterThan(0);
  expect(costOfHundred).toEqual(costOfFive);
});
