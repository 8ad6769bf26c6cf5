import { Completion } from '../../../subgraphs/kit/completion';
import { ProgressState, Role, Sector } from '../../../subgraphs/participation/entities/participation.enums';
import { bearer, CONFIRM, codeOf, entities, openParticipation, type Participation, PROPOSE } from './participation';

const COMMITMENT = 'MX-TLA-PAL-2016-03';
const TLAXCALA = '29';
const JALISCO = '14';

describe('participation: progress proposed by one sector, confirmed by another', () => {
  let participation: Participation;
  let government: string;
  let civilSociety: string;
  let governmentColleague: string;
  let jalisco: string;
  let moderator: string;

  beforeAll(async () => {
    participation = await openParticipation();
    government = await participation.token({
      sub: 'gob-1',
      role: Role.SECRETARIAT_MEMBER,
      state: TLAXCALA,
      sector: Sector.GOVERNMENT,
      name: 'Ana',
    });
    governmentColleague = await participation.token({
      sub: 'gob-2',
      role: Role.SECRETARIAT_MEMBER,
      state: TLAXCALA,
      sector: Sector.GOVERNMENT,
    });
    civilSociety = await participation.token({
      sub: 'osc-1',
      role: Role.SECRETARIAT_MEMBER,
      state: TLAXCALA,
      sector: Sector.CIVIL_SOCIETY,
    });
    jalisco = await participation.token({ sub: 'jal-1', role: Role.SECRETARIAT_MEMBER, state: JALISCO, sector: Sector.CIVIL_SOCIETY });
    moderator = await participation.token({ sub: 'mod-1', role: Role.MODERATOR });
  });
  afterAll(() => participation.close());

  const completion = async () =>
    (
      await participation.data(
        entities('Commitment', 'completion progress { id state completion proposedBy { sector } confirmedBy { sector } at confirmedAt }'),
        {
          representations: [{ __typename: 'Commitment', id: COMMITMENT }],
        },
      )
    )._entities[0];

  it('a Tlaxcala GOVERNMENT member proposes, a CIVIL_SOCIETY member confirms: completion is SUBSTANTIAL', async () => {
    const proposed = await participation.send(
      PROPOSE,
      {
        id: COMMITMENT,
        input: {
          completion: Completion.SUBSTANTIAL,
          note: 'Se publicó el informe trimestral',
          evidence: [{ url: 'https://example.org/informe.pdf' }, { recordId: 'MX-GOB-29/AP.01/2017' }],
        },
      },
      bearer(government),
    );
    expect(proposed.errors).toBeUndefined();
    const update = proposed.data!.proposeProgress.progress;
    expect(update).toMatchObject({
      completion: 'SUBSTANTIAL',
      state: ProgressState.PROPOSED,
      proposedBy: { role: 'SECRETARIAT_MEMBER', sector: 'GOVERNMENT', state: { id: TLAXCALA }, name: 'Ana' },
      evidence: [
        { url: 'https://example.org/informe.pdf', recordId: null },
        { recordId: 'MX-GOB-29/AP.01/2017', url: null },
      ],
    });
    expect((await completion()).completion).toBeNull();

    expect(codeOf(await participation.send(CONFIRM, { id: update.id }, bearer(government)))).toBe('FORBIDDEN');
    expect(codeOf(await participation.send(CONFIRM, { id: update.id }, bearer(governmentColleague)))).toBe('FORBIDDEN');
    expect(codeOf(await participation.send(CONFIRM, { id: update.id }, bearer(jalisco)))).toBe('FORBIDDEN');
    expect(codeOf(await participation.send(CONFIRM, { id: update.id }, bearer(moderator)))).toBe('FORBIDDEN');
    expect(codeOf(await participation.send(CONFIRM, { id: update.id }))).toBe('UNAUTHENTICATED');

    const confirmed = await participation.send(CONFIRM, { id: update.id }, bearer(civilSociety));
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmProgress.progress).toMatchObject({
      state: 'CONFIRMED',
      confirmedBy: { role: 'SECRETARIAT_MEMBER', sector: 'CIVIL_SOCIETY', state: { id: TLAXCALA } },
    });
    const after = await completion();
    expect(after.completion).toBe('SUBSTANTIAL');
    expect(after.progress).toHaveLength(1);
    expect(after.progress[0]).toMatchObject({
      state: 'CONFIRMED',
      proposedBy: { sector: 'GOVERNMENT' },
      confirmedBy: { sector: 'CIVIL_SOCIETY' },
    });
    expect(codeOf(await participation.send(CONFIRM, { id: update.id }, bearer(jalisco)))).toBe('FORBIDDEN');
  });

  it('completion follows the latest confirmed update; a proposed one does not count yet', async () => {
    const proposed = await participation.send(
      PROPOSE,
      { id: COMMITMENT, input: { completion: Completion.COMPLETE, note: 'Concluido', evidence: [] } },
      bearer(civilSociety),
    );
    expect(proposed.errors).toBeUndefined();
    expect((await completion()).completion).toBe('SUBSTANTIAL');
    const { id } = proposed.data!.proposeProgress.progress;
    expect((await participation.send(CONFIRM, { id }, bearer(government))).errors).toBeUndefined();
    const after = await completion();
    expect(after.completion).toBe('COMPLETE');
    expect(after.progress.map((update: { state: string }) => update.state)).toEqual(['CONFIRMED', 'CONFIRMED']);
  });

  it("a member cannot propose on another state's commitment, nor a moderator on any", async () => {
    const input = { completion: Completion.LIMITED, note: 'x', evidence: [] };
    expect(codeOf(await participation.send(PROPOSE, { id: COMMITMENT, input }, bearer(jalisco)))).toBe('FORBIDDEN');
    expect(codeOf(await participation.send(PROPOSE, { id: COMMITMENT, input }, bearer(moderator)))).toBe('FORBIDDEN');
    expect(codeOf(await participation.send(PROPOSE, { id: COMMITMENT, input }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a commitment id of another shape, and evidence that is neither a Record id nor an http(s) URL', async () => {
    const input = { completion: Completion.LIMITED, note: 'x', evidence: [] };
    expect(codeOf(await participation.send(PROPOSE, { id: '2018:33I005', input }, bearer(government)))).toBe('BAD_USER_INPUT');
    for (const evidence of [
      [{ url: 'javascript:alert(1)' }],
      [{ recordId: 'not a record' }],
      [{}],
      [{ url: 'https://a.example', recordId: 'MX-GOB-29/X' }],
    ]) {
      expect(codeOf(await participation.send(PROPOSE, { id: COMMITMENT, input: { ...input, evidence } }, bearer(government)))).toBe(
        'BAD_USER_INPUT',
      );
    }
  });
});

describe('participation: progress across commitments', () => {
  it("lists a state's confirmed updates with their commitment, for a feed", async () => {
    const participation = await openParticipation();
    try {
      const government = await participation.token({ sub: 'g', role: Role.SECRETARIAT_MEMBER, state: TLAXCALA, sector: Sector.GOVERNMENT });
      const guarantor = await participation.token({
        sub: 'o',
        role: Role.SECRETARIAT_MEMBER,
        state: TLAXCALA,
        sector: Sector.GUARANTOR_BODY,
      });
      const ids: string[] = [];
      for (const commitment of ['MX-TLA-PAL-2016-01', 'MX-TLA-PAL-2016-02']) {
        const sent = await participation.send(
          PROPOSE,
          { id: commitment, input: { completion: 'LIMITED', note: 'n', evidence: [] } },
          bearer(government),
        );
        ids.push(sent.data!.proposeProgress.progress.id);
      }
      await participation.send(CONFIRM, { id: ids[1] }, bearer(guarantor));
      const listed = await participation.data(
        '{ confirmed: progressUpdates(filter: { state: "29", states: [CONFIRMED] }) { totalCount edges { node { id commitment { id } } } } jalisco: progressUpdates(filter: { state: "14" }) { totalCount } all: progressUpdates { totalCount } }',
      );
      expect(listed.confirmed).toEqual({ totalCount: 1, edges: [{ node: { id: ids[1], commitment: { id: 'MX-TLA-PAL-2016-02' } } }] });
      expect(listed.jalisco.totalCount).toBe(0);
      expect(listed.all.totalCount).toBe(2);
      expect(codeOf(await participation.send('{ progressUpdates(filter: { state: "99" }) { totalCount } }'))).toBe('BAD_USER_INPUT');
    } finally {
      await participation.close();
    }
  });
});
