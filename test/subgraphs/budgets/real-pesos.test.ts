import { definition } from '../../../subgraphs/budgets/definition';
import { Allocation } from '../../../subgraphs/budgets/entities/allocation.entity';
import { formatMoney, parseMoney } from '../../../subgraphs/kit/money';
import { expectedReal } from '../../helpers/real-pesos';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await openTestSubgraph(definition);
  // San Luis Potosí's commitment is linked to two national programs of 2017; one of 2018 makes its funding span two
  // years, each of which must be deflated by its own year's index.
  const repository = subgraph.dataSource.getRepository(Allocation);
  const [link] = await repository.find({ where: { commitmentId: 'MX-SLP-PAL-2017-03' }, order: { id: 'ASC' } });
  await repository.save({ ...link, id: `${link.id}-2018`, programId: '2018:20S176', programKey: '20S176', fiscalYear: 2018 });
});
afterAll(() => subgraph.close());

const COMMITMENT = `query($base: Int) { _entities(representations: [{ __typename: "Commitment", id: "MX-SLP-PAL-2017-03" }]) { ... on Commitment {
  allocations { fiscalYear program { id } funding { approved paid lineCount } real: funding(inPesosOf: $base) { approved paid flags derived { inPesosOf } } }
  funding { approved paid lineCount flags derived { inPesosOf } }
  real: funding(inPesosOf: $base) { approved paid lineCount flags derived { inPesosOf method } }
} } }`;

describe('real pesos along the chains a journalist follows', () => {
  test.each([2018, 2017, 2020])(
    "a commitment's funding over two fiscal years in pesos of %i: each year deflated by its own INPC, the sum rounded once",
    async (base) => {
      const data = await subgraph.data(COMMITMENT, { base });
      const [commitment] = data._entities;
      expect(commitment.allocations.map((a: any) => a.fiscalYear).sort()).toEqual([2017, 2017, 2018]);
      expect(commitment.allocations.every((a: any) => a.funding.lineCount > 0)).toBe(true);
      for (const moment of ['approved', 'paid'] as const) {
        const parts = commitment.allocations.map((a: any) => ({ amount: parseMoney(a.funding[moment])!, year: a.fiscalYear }));
        expect(commitment.real[moment]).toBe(formatMoney(expectedReal(parts, base)));
        // The nominal funding is the exact sum of the allocations' (distinct national programs: no line twice).
        expect(commitment.funding[moment]).toBe(formatMoney(parts.reduce((sum: bigint, part: any) => sum + part.amount, 0n)));
        for (const allocation of commitment.allocations) {
          const amount = parseMoney(allocation.funding[moment])!;
          expect(allocation.real[moment]).toBe(formatMoney(expectedReal([{ amount, year: allocation.fiscalYear }], base)));
        }
      }
      expect(commitment.real).toMatchObject({ lineCount: commitment.funding.lineCount, derived: { inPesosOf: base } });
      expect(commitment.real.flags).toContain('IN_REAL_PESOS');
      expect(commitment.funding).toMatchObject({ derived: null });
      expect(commitment.funding.flags).not.toContain('IN_REAL_PESOS');
      expect(commitment.allocations[0].real.flags).toContain('IN_REAL_PESOS');
    },
  );

  test("a program's totals in real pesos equal nominal × INPC(base) / INPC(year)", async () => {
    const data = await subgraph.data(
      '{ budgetProgram(id: "2017:20S176") { totals { approved } real: totals(inPesosOf: 2018) { approved flags } } }',
    );
    const nominal = parseMoney(data.budgetProgram.totals.approved)!;
    expect(data.budgetProgram.real.approved).toBe(formatMoney(expectedReal([{ amount: nominal, year: 2017 }], 2018)));
    expect(data.budgetProgram.real.flags).toContain('IN_REAL_PESOS');
  });

  test('a base year without its twelve months of INPC is a coded error, never nominal figures passed off as real', async () => {
    for (const id of ['MX-SLP-PAL-2017-03', 'MX-AGU-PAL-2016-01']) {
      const result = await subgraph.query(
        `{ _entities(representations: [{ __typename: "Commitment", id: "${id}" }]) { ... on Commitment { funding(inPesosOf: 1900) { approved } } } }`,
      );
      expect(result.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
        ['BAD_USER_INPUT', expect.stringContaining('1900')],
      ]);
    }
  });
});
