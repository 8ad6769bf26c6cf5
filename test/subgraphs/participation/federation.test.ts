import { startFederation, type TestFederation } from '../../helpers/federation';

/** The fifth subgraph composed with the other four: its fields on their types, their fields on its references. */
describe('participation in the federated graph', () => {
  let api: TestFederation;
  beforeAll(async () => {
    api = await startFederation();
  }, 180_000);
  afterAll(() => api?.stop());

  it("serves a commitment's reports, progress and completion, and joins the programme's states to their names", async () => {
    const sent = await fetch(api.subgraphUrls.participation, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { reportProblem(input: { target: { type: COMMITMENT, id: "MX-TLA-PAL-2016-03" }, category: OUTDATED, body: "Falta el informe 2018" }) { report { id } } }`,
      }),
    });
    const { id } = ((await sent.json()) as { data: { reportProblem: { report: { id: string } } } }).data.reportProblem.report;
    const answer = await api.query(`{
      commitment(id: "MX-TLA-PAL-2016-03") { id title completion progress { state } reports { totalCount edges { node { id body target { type id } } } } }
      programmeFigures { measure reportedCount states { id name } }
    }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.commitment).toMatchObject({
      id: 'MX-TLA-PAL-2016-03',
      completion: null,
      progress: [],
      reports: {
        totalCount: 1,
        edges: [{ node: { id, body: 'Falta el informe 2018', target: { type: 'COMMITMENT', id: 'MX-TLA-PAL-2016-03' } } }],
      },
    });
    expect(typeof answer.data!.commitment.title).toBe('string');
    const cohort = answer.data!.programmeFigures.find((figure: { measure: string }) => figure.measure === 'COHORT_2015');
    expect(cohort.states.slice(0, 2)).toEqual([
      { id: '10', name: 'Durango' },
      { id: '20', name: 'Oaxaca' },
    ]);
  });
});
