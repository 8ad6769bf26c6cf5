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
  query CommitmentFeed($id: ID!) {
    commitment(id: $id) {
      id title
      actionPlan { state { id name } }
      progress { ...FeedProgress }
    }
  }
  ${PROGRESS}
`);

/** A commitment's public reports, a page at a time (the API lists them oldest first). */
export const COMMITMENT_REPORTS: DocumentNode = parse(`
  query CommitmentFeedReports($id: ID!, $first: Int!, $after: String) {
    page: commitment(id: $id) {
      reports(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ...FeedReport } } }
    }
  }
  ${REPORT}
`);

export const STATE_FEED: DocumentNode = parse(`
  query StateFeed($id: ID!) {
    state(id: $id) { id name }
  }
`);

/** The public reports on every item of a state, a page at a time. */
export const STATE_REPORTS: DocumentNode = parse(`
  query StateFeedReports($id: ID!, $first: Int!, $after: String) {
    page: state(id: $id) { id }
    reports(filter: { state: $id }, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor } edges { node { ...FeedReport } }
    }
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

export interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

export interface CommitmentFeedData {
  commitment: {
    id: string;
    title: string;
    actionPlan: { state: { id: string; name: string } | null } | null;
    progress: FeedProgress[];
  } | null;
}

export interface StateFeedData {
  state: { id: string; name: string } | null;
}

/** One page of the reports of a commitment (`page.reports`) or of a state (`reports`). */
export interface ReportsPageData {
  page: { reports?: Page<FeedReport> } | null;
  reports?: Page<FeedReport>;
}

export interface StateProgressData {
  commitments: Page<{ id: string; title: string; progress: FeedProgress[] }>;
}
