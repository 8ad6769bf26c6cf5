import { FOLLOW_THE_MONEY } from './follow-the-money.query';

/** A request body sent over and over (several alternate between connections), as autocannon takes them. */
export interface LoadScenario {
  label: string;
  query: string;
  variables?: Record<string, unknown>[];
}

const AMOUNTS = 'amounts { approved modified exercised paid }';

export const LOAD_SCENARIOS = {
  ftm: {
    label: 'follow-the-money (2 ids)',
    query: FOLLOW_THE_MONEY,
    variables: [{ id: 'MX-TLA-PAL-2016-03' }, { id: 'MX-SLP-PAL-2017-03' }],
  },
  commitments: {
    label: '100 commitments',
    query:
      '{ commitments(first: 100) { edges { node { id title responsibleInstitution { name } funding { approved paid } records { code } } } } }',
  },
  state: {
    label: 'spending year × state',
    query: `{ spending(groupBy: [FISCAL_YEAR, STATE], first: 100) { edges { node { key { fiscalYear geography state { name } } ${AMOUNTS} lineCount } } } }`,
  },
  chapter: {
    label: 'spending year × chapter',
    query: `{ spending(groupBy: [FISCAL_YEAR, CHAPTER], first: 100) { edges { node { key { fiscalYear chapter { code name } } ${AMOUNTS} lineCount } } } }`,
  },
  institution: {
    label: 'spending year × institution',
    query: `{ spending(groupBy: [FISCAL_YEAR, INSTITUTION], orderBy: { moment: APPROVED, direction: DESC }, first: 100) { edges { node { key { fiscalYear unitName institution { name } } ${AMOUNTS} lineCount } } } }`,
  },
  search: {
    label: 'search "educacion"',
    query: '{ search(text: "educacion") { commitments { node { id } } budgetPrograms { node { id name } } institutions { node { id } } } }',
  },
} satisfies Record<string, LoadScenario>;

export type LoadScenarioId = keyof typeof LOAD_SCENARIOS;

/**
 * The export streams budget lines through `/export.csv` (100 per subgraph page, the lines' program and state
 * resolved by their subgraphs); the client stops reading at this many rows, so its time is that of an export of
 * this size whatever the dataset holds (the table says how many rows there were when the data has fewer).
 */
export const EXPORT_ROWS = 10_000;

export const EXPORT_QUERY = `{ budgetLines { edges { node { id fiscalYear program { key name } state { name } ${AMOUNTS} } } } }`;

export const SCENARIO_IDS = [...(Object.keys(LOAD_SCENARIOS) as LoadScenarioId[]), 'export'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** The aggregates whose cost must not grow with the data: their latency is compared across sizes. */
export const AGGREGATES: LoadScenarioId[] = ['state', 'chapter', 'institution'];

/**
 * Counts the data rows of a CSV arriving in chunks (the header excluded): record ends are newlines outside quotes,
 * so a quoted cell holding a newline stays one row.
 */
export class CsvRowCounter {
  rows = -1;
  private quoted = false;

  push(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const char = chunk.charCodeAt(i);
      if (char === 34) this.quoted = !this.quoted;
      else if (char === 10 && !this.quoted) this.rows += 1;
    }
  }
}
