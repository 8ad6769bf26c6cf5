import { startFederation, type TestFederation } from '../helpers/federation';

let api: TestFederation;
beforeAll(async () => {
  api = await startFederation('production');
}, 180_000);
afterAll(async () => {
  await api?.stop();
});

describe('in production', () => {
  test('client mistakes keep their message and code, with no stack trace', async () => {
    const { errors } = await api.query('{ commitments(first: -1) { totalCount } }');
    // The code, the argument at fault and the subgraph that refused it: never a stack trace.
    expect(errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/first must be/),
        extensions: { code: 'BAD_USER_INPUT', field: 'first', serviceName: 'commitments' },
      }),
    ]);
    const malformed = await api.query('{ commitment(id: "x") { title ');
    expect(malformed.errors?.[0].extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  test('an internal failure in a subgraph reaches the client as a masked error, and the server keeps serving', async () => {
    await api.subgraphs.archives.dataSource.destroy();
    const { data, errors } = await api.query('{ commitment(id: "MX-TLA-PAL-2016-03") { title records { code } } }');
    // records is archives' contribution to Commitment, nullable: only it is lost, not the commitment.
    expect(data?.commitment).toEqual({ title: expect.stringMatching(/FORTAMUN/), records: null });
    expect(errors?.length).toBeGreaterThan(0);
    const serialized = JSON.stringify(errors);
    expect(serialized).not.toMatch(/stacktrace|at [A-Za-z.]+ \(|Connection|TypeORM|sqlite|postgres/i);
    expect(errors?.every((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR')).toBe(true);
    const stillServing = await api.query('{ commitment(id: "MX-TLA-PAL-2016-03") { title } }');
    expect(stillServing.errors).toBeUndefined();
    expect(stillServing.data?.commitment.title).toMatch(/FORTAMUN/);
  });
});
