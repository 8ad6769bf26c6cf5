import { RecordAccess, ArchivalRecord } from '../../subgraphs/archives/entities/record.entity';
import { RecordSubject, RecordSubjectKind, recordSubjectRowId } from '../../subgraphs/archives/entities/record-subject.entity';
import { Allocation } from '../../subgraphs/budgets/entities/allocation.entity';
import { Commitment } from '../../subgraphs/commitments/entities/commitment.entity';
import { commitmentId } from '../../subgraphs/kit/ids';
import { formatMoney, parseMoney } from '../../subgraphs/kit/money';
import { startFederation, type TestFederation } from '../helpers/federation';

/**
 * Documentation coverage through the gateway on the shipped sample: San Luis Potosí's commitment #3 is linked
 * (illustratively) to the federal programs 20S176 and 20P002 of 2017, whose OCDS contracts the sample holds; the
 * illustrative records document some of their payments, or their contracts, and not others.
 */
const SLP = 'MX-SLP-PAL-2017-03';
const money = (text: string) => parseMoney(text)!;

const COVERAGE = `
query Coverage($id: ID!) {
  commitment(id: $id) {
    documentation { paid documented undocumented coverage payments undocumentedPayments flags }
    contracts {
      id
      records { id }
      documentation { paid documented undocumented coverage payments undocumentedPayments flags }
      transactions { id moment amount records { id } }
    }
  }
}`;

/** The same coverage computed here from what the graph lists: each payment's own public records and its contract's. */
function expectedCoverage(contracts: any[]) {
  let paid = 0n;
  let documented = 0n;
  for (const contract of contracts) {
    for (const payment of contract.transactions.filter((t: any) => t.moment === 'PAID')) {
      paid += money(payment.amount);
      if (payment.records.length > 0 || contract.records.length > 0) documented += money(payment.amount);
    }
  }
  return { paid, documented };
}

let api: TestFederation;
beforeAll(async () => {
  api = await startFederation();
}, 180_000);
afterAll(async () => {
  await api?.stop();
});

describe('documentation coverage of a commitment', () => {
  test('splits its paid pesos exactly into documented and undocumented, as the records listed say', async () => {
    const { data, errors } = await api.query(COVERAGE, { id: SLP });
    expect(errors).toBeUndefined();
    const { documentation, contracts } = data!.commitment;
    const { paid, documented } = expectedCoverage(contracts);

    expect(documentation).toEqual({
      paid: '679278.23',
      documented: '12689.03',
      undocumented: '666589.20',
      coverage: Number(money('12689.03')) / Number(money('679278.23')),
      payments: 7,
      undocumentedPayments: 4,
      flags: ['UNDOCUMENTED_PAYMENT'],
    });
    expect(documentation.paid).toBe(formatMoney(paid));
    expect(documentation.documented).toBe(formatMoney(documented));
    expect(money(documentation.documented) + money(documentation.undocumented)).toBe(money(documentation.paid));
    expect(documentation.coverage).toBe(Number(documented) / Number(paid));
  });

  test('flags UNDOCUMENTED_PAYMENT on a contract exactly when one of its payments has no public record', async () => {
    const { data } = await api.query(COVERAGE, { id: SLP });
    const byId = new Map<string, any>(data!.commitment.contracts.map((contract: any) => [contract.id, contract]));
    // Documented by its payment order (CLC) record and by its order file.
    expect(byId.get('ocds-07smqs-1109/201720005131').documentation).toEqual({
      paid: '1109.90',
      documented: '1109.90',
      undocumented: '0.00',
      coverage: 1,
      payments: 1,
      undocumentedPayments: 0,
      flags: [],
    });
    // Documented only by a public record of its contract: that record covers its payment.
    const byContract = byId.get('ocds-07smqs-1191/201720009411');
    expect(byContract.transactions.find((t: any) => t.moment === 'PAID').records).toEqual([]);
    expect(byContract.documentation).toEqual(expect.objectContaining({ documented: '1191.33', coverage: 1, flags: [] }));
    // No record at all.
    expect(byId.get('ocds-07smqs-1337/201720004410').documentation).toEqual({
      paid: '630233.00',
      documented: '0.00',
      undocumented: '630233.00',
      coverage: 0,
      payments: 1,
      undocumentedPayments: 1,
      flags: ['UNDOCUMENTED_PAYMENT'],
    });
    for (const contract of data!.commitment.contracts) {
      const { paid, documented } = expectedCoverage([contract]);
      expect(contract.documentation.documented).toBe(formatMoney(documented));
      expect(contract.documentation.flags.includes('UNDOCUMENTED_PAYMENT')).toBe(documented < paid);
    }
  });

  test('is null coverage flagged NOTHING_PAID when nothing was paid, whatever records the commitment itself has', async () => {
    const { data, errors } = await api.query(
      `{ commitment(id: "MX-TLA-PAL-2016-03") { records { id } documentation { paid documented undocumented coverage payments flags } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.commitment.records.length).toBeGreaterThan(0);
    expect(data!.commitment.documentation).toEqual({
      paid: '0.00',
      documented: '0.00',
      undocumented: '0.00',
      coverage: null,
      payments: 0,
      flags: ['NOTHING_PAID'],
    });
  });

  test('of a budget program weighs the payments charged to it, and carries its spending chain flags', async () => {
    const { data, errors } = await api.query(
      `{ budgetProgram(id: "2017:20P002") { totals { flags } contracts { id records { id } transactions { id moment amount records { id } } } documentation { paid documented undocumented coverage flags } } }`,
    );
    expect(errors).toBeUndefined();
    const program = data!.budgetProgram;
    const { paid, documented } = expectedCoverage(program.contracts);
    expect(program.documentation).toEqual({
      paid: formatMoney(paid),
      documented: formatMoney(documented),
      undocumented: formatMoney(paid - documented),
      coverage: Number(documented) / Number(paid),
      flags: ['UNDOCUMENTED_PAYMENT'],
    });
    expect(program.documentation.paid).toBe('15205.23');
    expect(program.totals.flags).not.toContain('EXERCISED_OVER_MODIFIED');
  });

  test("carries the spending chain's EXERCISED_OVER_MODIFIED, but not its other caveats", async () => {
    const { data, errors } = await api.query(
      `{ budgetProgram(id: "2017:50E001") { totals { flags } documentation { paid coverage flags } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.budgetProgram.totals.flags).toEqual(['EXERCISED_OVER_MODIFIED', 'SAMPLE_DATA']);
    expect(data!.budgetProgram.documentation).toEqual({ paid: '0.00', coverage: null, flags: ['NOTHING_PAID', 'EXERCISED_OVER_MODIFIED'] });
  });
});

describe('what does not count as documentation', () => {
  const HIDDEN = 'MX-CPA-20147/06C.14/9999/2017';
  const HIDDEN_TITLE = 'Expediente reservado de prueba sobre pagos';
  const UNDOCUMENTED_PAYMENT = 'ocds-07smqs-1072/201720002759/20P002/Pagado';
  const UNDOCUMENTED_CONTRACT = 'ocds-07smqs-1444/201720009276';
  const WHOLE = 'MX-CPA-20147/03C.20/9999/2017';

  async function file(id: string, access: RecordAccess, subjects: [RecordSubjectKind, string][]) {
    const manager = api.subgraphs.archives.dataSource.manager;
    const model = await manager.findOneByOrFail(ArchivalRecord, { id: 'MX-CPA-20147/05C.14/5131/2017' });
    const hidden = access !== RecordAccess.PUBLIC;
    await manager.save(
      manager.create(ArchivalRecord, {
        ...model,
        id,
        code: id.slice('MX-CPA-20147/'.length),
        title: HIDDEN_TITLE,
        access,
        reservedUntil: access === RecordAccess.RESERVED ? '2030-12-31' : null,
        legalBasis: hidden ? 'Art. 113 fr. VI LGTAIP' : null,
      }),
    );
    await manager.save(
      subjects.map(([kind, subjectId]) =>
        manager.create(RecordSubject, { id: recordSubjectRowId(id, kind, subjectId), recordId: id, kind, subjectId, source: model.source }),
      ),
    );
  }

  async function unfile(id: string) {
    const manager = api.subgraphs.archives.dataSource.manager;
    await manager.delete(RecordSubject, { recordId: id });
    await manager.delete(ArchivalRecord, { id });
  }

  test('a payment documented only by a RESERVED or CONFIDENTIAL record is undocumented, and nothing of the record shows', async () => {
    const before = await api.query(COVERAGE, { id: SLP });
    const subjects: [RecordSubjectKind, string][] = [
      [RecordSubjectKind.TRANSACTION, UNDOCUMENTED_PAYMENT],
      [RecordSubjectKind.CONTRACT, UNDOCUMENTED_CONTRACT],
    ];
    try {
      for (const access of [RecordAccess.RESERVED, RecordAccess.CONFIDENTIAL]) {
        await file(HIDDEN, access, subjects);
        const hidden = await api.query(COVERAGE, { id: SLP });
        expect(hidden.errors).toBeUndefined();
        expect(hidden.data).toEqual(before.data);
        const text = JSON.stringify(hidden);
        for (const secret of [HIDDEN, '9999', HIDDEN_TITLE]) expect(text).not.toContain(secret);
      }

      // The same record made public documents both: the comparison above could fail.
      await file(HIDDEN, RecordAccess.PUBLIC, subjects);
      const disclosed = await api.query(COVERAGE, { id: SLP });
      const documentation = disclosed.data!.commitment.documentation;
      expect(documentation.documented).toBe(formatMoney(money('12689.03') + money('1072.00') + money('1444.20')));
      expect(documentation.undocumentedPayments).toBe(2);
      expect(money(documentation.documented) + money(documentation.undocumented)).toBe(money('679278.23'));
    } finally {
      await unfile(HIDDEN);
    }
  });

  test('a public record about the whole commitment or program proves no given payment', async () => {
    const before = await api.query(COVERAGE, { id: SLP });
    try {
      await file(WHOLE, RecordAccess.PUBLIC, [
        [RecordSubjectKind.COMMITMENT, SLP],
        [RecordSubjectKind.BUDGET_PROGRAM, '2017:20P002'],
        [RecordSubjectKind.BUDGET_PROGRAM, '2017:20S176'],
      ]);
      const after = await api.query(`{ commitment(id: "${SLP}") { records { id } } }`);
      expect(after.data!.commitment.records.map((record: any) => record.id)).toContain(WHOLE);
      const coverage = await api.query(COVERAGE, { id: SLP });
      expect(coverage.data!.commitment.documentation).toEqual(before.data!.commitment.documentation);
    } finally {
      await unfile(WHOLE);
    }
  });
});

describe('cost', () => {
  const LIST = `
  query List($first: Int!) {
    commitments(filter: { actionPlanId: "MX-SLP-PAL-2017" }, first: $first) {
      edges { node { id documentation { paid documented undocumented coverage flags } } }
    }
  }`;

  const ids = Array.from({ length: 40 }, (_, i) => commitmentId('MX-SLP-PAL-2017', 100 + i));

  beforeAll(async () => {
    // 40 more commitments of the plan, each linked to the same programs as #3, hence with the same payments.
    const commitments = api.subgraphs.commitments.dataSource.getRepository(Commitment);
    const allocations = api.subgraphs.budgets.dataSource.getRepository(Allocation);
    const model = await commitments.findOneByOrFail({ id: SLP });
    const links = await allocations.findBy({ commitmentId: SLP });
    expect(links).toHaveLength(2);
    await commitments.save(ids.map((id, i) => commitments.create({ ...model, id, number: 100 + i })));
    await allocations.save(
      ids.flatMap((id) => links.map((link) => allocations.create({ ...link, id: `${link.id}@${id}`, commitmentId: id }))),
    );
  });

  test('the archives subgraph answers a whole list with one SQL statement, whatever its length', async () => {
    let five: any;
    let many: any;
    const costOfFive = await api.statementsDuring(async () => {
      five = await api.query(LIST, { first: 5 });
    });
    const costOfMany = await api.statementsDuring(async () => {
      many = await api.query(LIST, { first: 45 });
    });
    expect(five.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    const nodes = many.data.commitments.edges.map((edge: any) => edge.node);
    expect(nodes).toHaveLength(45);
    const copies = nodes.filter((node: any) => ids.includes(node.id));
    expect(copies).toHaveLength(40);
    for (const copy of copies) expect(copy.documentation.documented).toBe('12689.03');
    expect(costOfFive.archives).toBe(1);
    expect(costOfMany).toEqual(costOfFive);
  });
});
