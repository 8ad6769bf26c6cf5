import { Role } from '../../../subgraphs/participation/entities/participation.enums';
import { AuditEntry } from '../../../subgraphs/participation/entities/audit-entry.entity';
import { hashOf, verifyChain } from '../../../subgraphs/participation/writes/audit-chain';
import { auditVerify } from '../../../tools/participation/audit-verify';
import { ANSWER, bearer, openParticipation, type Participation, REPORT_PROBLEM } from './participation';

describe('participation: the audit log', () => {
  let participation: Participation;
  let moderator: string;

  beforeAll(async () => {
    participation = await openParticipation();
    moderator = await participation.token({ sub: 'mod-1', role: Role.MODERATOR });
    for (const body of ['uno', 'dos', 'tres']) {
      const input = { target: { type: 'STATE', id: '29' }, category: 'OTHER', body, contact: 'persona@example.org' };
      const { id } = (await participation.send(REPORT_PROBLEM, { input })).data!.reportProblem.report;
      await participation.send(ANSWER, { id, status: 'ACKNOWLEDGED', note: `visto ${body}` }, bearer(moderator));
    }
  });
  afterAll(() => participation.close());

  const repository = () => participation.dataSource.getRepository(AuditEntry);

  it('every write appended an entry chained to the one before, readable by moderators', async () => {
    const log = await participation.send(
      '{ auditLog(first: 10) { totalCount edges { node { sequence actorRole action target changes requestId previousHash hash } } } }',
      {},
      bearer(moderator),
    );
    expect(log.errors).toBeUndefined();
    const entries = log.data!.auditLog.edges.map((edge: { node: Record<string, unknown> }) => edge.node);
    expect(log.data!.auditLog.totalCount).toBe(6);
    expect(entries.map((entry: { action: string }) => entry.action)).toEqual([
      'reportProblem',
      'answerReport',
      'reportProblem',
      'answerReport',
      'reportProblem',
      'answerReport',
    ]);
    expect(entries[0]).toMatchObject({
      sequence: 1,
      actorRole: 'ANONYMOUS',
      target: 'Report:1',
      requestId: 'test-request',
      previousHash: '0'.repeat(64),
    });
    expect(entries[1]).toMatchObject({ sequence: 2, actorRole: 'MODERATOR', previousHash: entries[0].hash });
    expect(JSON.parse(entries[0].changes)).toMatchObject({ body: 'uno', contactGiven: true });
    expect(JSON.stringify(entries)).not.toContain('persona@example.org');
    expect(await verifyChain(repository())).toEqual({ entries: 6, broken: null });
  });

  it('editing one row breaks the chain at that entry; re-hashing it breaks it at the next', async () => {
    const original = await repository().findOneByOrFail({ sequence: 3 });
    await repository().update({ sequence: 3 }, { changes: original.changes.replace('dos', 'DOS') });
    expect(await verifyChain(repository(), 2)).toEqual({
      entries: 2,
      broken: { sequence: 3, reason: 'its content does not match its hash' },
    });
    await repository().update({ sequence: 3 }, { changes: original.changes });
    expect((await verifyChain(repository())).broken).toBeNull();

    // Whoever edits entry 3 and recomputes its hash leaves entry 4 pointing at the old one.
    const edited = { ...original, changes: original.changes.replace('dos', 'DOS') };
    await repository().update({ sequence: 3 }, { changes: edited.changes, hash: hashOf(edited) });
    expect((await verifyChain(repository())).broken).toEqual({
      sequence: 4,
      reason: 'its previous hash is not the hash of the entry before it',
    });
    await repository().update({ sequence: 3 }, { changes: original.changes, hash: original.hash });

    await repository().delete({ sequence: 5 });
    expect(await verifyChain(repository())).toEqual({ entries: 4, broken: { sequence: 5, reason: 'entry 5 is missing' } });
  });
});

describe('npm run audit:verify', () => {
  it('passes on an untouched log and exits non-zero naming the first tampered entry', async () => {
    const participation = await openParticipation();
    try {
      for (const body of ['uno', 'dos', 'tres']) {
        await participation.data(REPORT_PROBLEM, { input: { target: { type: 'STATE', id: '14' }, category: 'OTHER', body } });
      }
      const database = participation.config.database;
      const env = {
        ...process.env,
        NODE_ENV: 'test',
        LOAD_SAMPLE: 'false',
        ...(database.kind === 'sqlite' ? { SQLITE_DIR: database.directory } : { DATABASE_SCHEMA_PREFIX: database.schemaPrefix }),
      };
      const lines: string[] = [];
      const out = { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
      expect(await auditVerify(env, out)).toBe(0);
      expect(lines).toEqual(['audit log verified: 3 entries, hash chain intact']);
      await participation.dataSource.getRepository(AuditEntry).update({ sequence: 2 }, { actorRole: 'ADMIN' });
      expect(await auditVerify(env, out)).toBe(1);
      expect(lines[1]).toBe('audit log BROKEN at entry 2: its content does not match its hash (1 entries before it verify)');
    } finally {
      await participation.close();
    }
  });
});

describe('the audit log under concurrent writes', () => {
  it('chains writes committed at once one after another', async () => {
    const participation = await openParticipation();
    try {
      const sends = await Promise.all(
        ['a', 'b', 'c', 'd', 'e', 'f'].map((body) =>
          participation.send(REPORT_PROBLEM, { input: { target: { type: 'STATE', id: '01' }, category: 'OTHER', body } }),
        ),
      );
      for (const sent of sends) expect(sent.errors).toBeUndefined();
      expect(await verifyChain(participation.dataSource.getRepository(AuditEntry))).toEqual({ entries: 6, broken: null });
    } finally {
      await participation.close();
    }
  });
});
