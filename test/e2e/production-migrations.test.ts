import { SUBGRAPH_NAMES } from '../../common/config/subgraphs';
import { migrationsOf } from '../../subgraphs/kit/migrations';
import { startFederation, type TestFederation } from '../helpers/federation';
import { describeOnPostgres } from '../helpers/subgraph';

describeOnPostgres('a production start on an empty PostgreSQL database', () => {
  let api: TestFederation;
  beforeAll(async () => {
    api = await startFederation('production');
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
  });

  test.each(SUBGRAPH_NAMES)('%s built its schema with its migrations, not synchronize', async (name) => {
    const { dataSource, config } = api.subgraphs[name];
    expect(config.environment).toBe('production');
    expect(dataSource.options.synchronize).toBe(false);
    const applied: { name: string }[] = await dataSource.query('SELECT name FROM migrations ORDER BY timestamp');
    expect(applied.map((row) => row.name)).toEqual(migrationsOf(name).map((migration) => migration.name));
  });

  test('the gateway answers the Follow-the-Money query from the sample loaded into those tables', async () => {
    const { status, data, errors } = await api.query(
      `query ($id: ID!) {
        commitment(id: $id) {
          title
          actionPlan { state { name } }
          responsibleInstitution { name }
          allocations { program { key totals { approved paid } } }
          records { code }
        }
      }`,
      { id: 'MX-TLA-PAL-2016-03' },
    );
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    const commitment = data!.commitment;
    expect(commitment.title).toMatch(/FORTAMUN/);
    expect(commitment.actionPlan.state.name).toBe('Tlaxcala');
    expect(commitment.responsibleInstitution.name).toEqual(expect.any(String));
    const fortamun = commitment.allocations.find((allocation: any) => allocation.program?.key === '33I005');
    expect(fortamun.program.totals.approved).toMatch(/^[1-9]\d*\.\d{2}$/);
    expect(commitment.records.length).toBeGreaterThan(0);
  });
});
