import { type DocumentNode, parse } from 'graphql';

/**
 * The operations the feeds run through the gateway's own Apollo server, like any client's: the gateway reads the
 * participation subgraph only through the supergraph. They carry no token, so they see what the public sees (hidden
 * reports are left out by the subgraph), and they select no contact: there is no such field.
 */
const REPORT = `fragment FeedReport on Report {
  id target { type id } field category body status createdAt
  answers { status note at by { role sector name } }
}`;

const PROGRESS = `fragment FeedProgress on ProgressUpdate {
  id completion note state at confirmedAt
  evidence { recordId url }
  proposedBy { role sector name }
  confirmedBy { role sector name }
}`;

export const COMMITMENT_FEED: DocumentNode = parse(`
  query CommitmentFeed($id: ID!, $reports: Int!) {
    commitment(id: $id) {
      id title
      actionPlan { state { id name } }
      reports(first: $reports) { edges { node { ...FeedReport } } }
      progress { ...FeedProgress }
    }
  }
  ${REPORT}
  ${PROGRESS}
`);

export const STATE_FEED: DocumentNode = parse(`
  query StateFeed($id: ID!, $reports: Int!) {
    state(id: $id) { id name }
    reports(filter: { state: $id }, first: $reports) { edges { node { ...FeedReport } } }
  }
  ${REPORT}
`);

/** The state's commitments, a page at a time, with their progress. */
export const STATE_PROGRESS: DocumentNode = parse(`
  query StateFeedProgress($id: ID!, $first: Int!, $after: String) {
    commitments(filter: { stateId: $id }, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id title progress { ...FeedProgress } } }
    }
  }
  ${PROGRESS}
`);

export interface FeedActor {
  role: string;
  sector: string | null;
  name: string | null;
}

export interface FeedReport {
  id: string;
  target: { type: string; id: string };
  field: string | null;
  category: string;
  body: string;
  status: string;
  createdAt: string;
  answers: { status: string; note: string; at: string; by: FeedActor | null }[];
}

export interface FeedProgress {
  id: string;
  completion: string;
  note: string;
  state: 'PROPOSED' | 'CONFIRMED';
  at: string;
  confirmedAt: string | null;
  evidence: { recordId: string | null; url: string | null }[];
  proposedBy: FeedActor;
  confirmedBy: FeedActor | null;
}

export interface CommitmentFeedData {
  commitment: {
    id: string;
    title: string;
    actionPlan: { state: { id: string; name: string } | null } | null;
    reports: { edges: { node: FeedReport }[] };
    progress: FeedProgress[];
  } | null;
}

export interface StateFeedData {
  state: { id: string; name: string } | null;
  reports: { edges: { node: FeedReport }[] };
}

export interface StateProgressData {
  commitments: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; title: string; progress: FeedProgress[] } }[];
  };
}
