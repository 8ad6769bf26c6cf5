import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RequestFacts } from '../../../subgraphs/kit/context';
import { mintLocalToken } from '../../../subgraphs/participation/auth/tokens';
import { definition } from '../../../subgraphs/participation/definition';
import type { Role, Sector } from '../../../subgraphs/participation/entities/participation.enums';
import { openTestSubgraph, type QueryResult, testConfig, type TestSubgraph } from '../../helpers/subgraph';

export interface Participation extends TestSubgraph {
  keyDirectory: string;
  /** Runs an operation as an HTTP request with these headers and client address would. */
  send(source: string, variables?: Record<string, unknown>, request?: Partial<RequestFacts>): Promise<QueryResult>;
  /** A token signed with the test's local key. */
  token(claims: { sub: string; role: Role; state?: string; sector?: Sector; name?: string }, days?: number): Promise<string>;
}

/** The participation subgraph on a throw-away database, with its own key folder (removed on close). */
export async function openParticipation(env: Record<string, string> = {}): Promise<Participation> {
  const keyDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-participation-keys-'));
  const config = testConfig({ PARTICIPATION_KEY_DIR: keyDirectory, ...env });
  const subgraph = await openTestSubgraph(definition, { config });
  return {
    ...subgraph,
    keyDirectory,
    async send(source, variables, request = {}) {
      const response = await subgraph.server.executeOperation(
        { query: source, variables },
        { contextValue: { ...subgraph.context(), requestId: 'test-request', request: { client: '203.0.113.1', ...request } } },
      );
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not used here');
      return response.body.singleResult as QueryResult;
    },
    token: (claims, days = 1) => mintLocalToken(config.participation, claims, days),
    async close() {
      await subgraph.close();
      fs.rmSync(keyDirectory, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function codeOf(result: QueryResult): unknown {
  return result.errors?.[0]?.extensions?.code;
}

export const REPORT_PROBLEM = `
  mutation Report($input: ReportProblemInput!) {
    reportProblem(input: $input) { report { id body field category status hidden target { type id } createdAt } }
  }`;

export const PROPOSE = `
  mutation Propose($id: ID!, $input: ProgressInput!) {
    proposeProgress(commitmentId: $id, input: $input) {
      progress { id completion state note evidence { recordId url } proposedBy { role sector state { id } name } }
    }
  }`;

export const CONFIRM = `
  mutation Confirm($id: ID!) {
    confirmProgress(id: $id) { progress { id state confirmedAt confirmedBy { role sector state { id } } } }
  }`;

export const FLAG = `mutation Flag($id: ID!, $reason: FlagReason!) { flagReport(id: $id, reason: $reason) { report { id } } }`;

export const ANSWER = `
  mutation Answer($id: ID!, $status: ReportStatus!, $note: String!, $duplicateOf: ID) {
    answerReport(id: $id, status: $status, note: $note, duplicateOf: $duplicateOf) {
      report { id status answers { status note by { role sector state { id } } } duplicateOf { id } }
    }
  }`;

/** The `_entities` query the gateway sends for an extended type's fields. */
export function entities(typename: string, selection: string) {
  return `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${selection} } } }`;
}
