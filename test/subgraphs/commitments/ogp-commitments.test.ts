import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { definition } from '../../../subgraphs/commitments/definition';
import { Commitment } from '../../../subgraphs/commitments/entities/commitment.entity';
import { OgpActionPlan } from '../../../subgraphs/commitments/entities/ogp-action-plan.entity';
import { localActionPlans } from '../../../subgraphs/commitments/importers/local-action-plans.format';
import { ogpCommitments } from '../../../subgraphs/commitments/importers/ogp-commitments.format';
import { OGP_FILE, parseOgpCommitments, shippedOgpFile } from '../../../subgraphs/commitments/importers/ogp-commitments.importer';
import { ImportError, type ImportProblem } from '../../../subgraphs/kit/import/problems';
import { readCsv } from '../../../subgraphs/kit/import/csv-file';
import { importCounted, importFormat } from '../../helpers/formats';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';

const DATA = path.resolve(__dirname, '../../../data');
const FILE = shippedOgpFile(DATA);

/** The file read independently of the importer, for the expected figures. */
const LINES = readCsv(FILE);
const lineOf = (ogpId: string) => LINES.find((row) => row.values['commitment unique identifier'] === ogpId)!;
const countWhere = (test: (values: Record<string, string>) => boolean) => LINES.filter((row) => test(row.values)).length;

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await openTestSubgraph(definition);
});

afterAll(async () => {
  await subgraph.close();
});

/** OGP plans and all commitments, in a stable order, to prove a rejected import changed nothing. */
async function snapshot(): Promise<string> {
  const plans = await subgraph.dataSource.getRepository(OgpActionPlan).find({ order: { id: 'ASC' } });
  const commitments = await subgraph.dataSource.getRepository(Commitment).find({ order: { id: 'ASC' } });
  return JSON.stringify({ plans, commitments });
}

/** The shipped file with its records edited, written back as CSV (every field quoted) to a temporary folder. */
function editedCsv(edit: (records: string[][]) => void): string {
  const records = parse(fs.readFileSync(FILE, 'utf8')) as string[][];
  edit(records);
  const quote = (field: string) => `"${field.replace(/"/g, '""')}"`;
  return writeTemporary(`${records.map((record) => record.map(quote).join(',')).join('\r\n')}\r\n`);
}

function writeTemporary(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ogp-import-')), 'open_parliament_0703.csv');
  fs.writeFileSync(file, text);
  return file;
}

/** Edits one cell of the record whose IRM id is `ogpId`. */
function withCell(ogpId: string, column: string, value: string): (records: string[][]) => void {
  return (records) => {
    const index = records[0].indexOf(column);
    expect(index).toBeGreaterThanOrEqual(0);
    records.find((record) => record[0] === ogpId)![index] = value;
  };
}

/** One OGP file through the format, counted per table. */
const load = (file: string) => importCounted(subgraph.dataSource, ogpCommitments, [file]);

async function rejection(file: string): Promise<ImportProblem[]> {
  const before = await snapshot();
  const error = await load(file).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ImportError);
  expect(await snapshot()).toBe(before);
  return (error as ImportError).problems;
}

const COUNT = 'query($filter: CommitmentFilter) { commitments(filter: $filter, first: 100) { totalCount edges { node { id } } } }';
const count = async (filter: Record<string, unknown>) => (await subgraph.data(COUNT, { filter })).commitments.totalCount as number;

describe('parsing the IRM dataset', () => {
  it('accounts for every line: 558 commitments of 214 plans of 75 members, none rejected', () => {
    const parsed = parseOgpCommitments(FILE);
    expect(LINES).toHaveLength(558);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toBe(558);
    expect(parsed.commitments).toHaveLength(558);
    expect(parsed.rejected).toBe(0);
    expect(parsed.commitments.length + parsed.rejected).toBe(LINES.length);
    expect(parsed.actionPlans).toHaveLength(214);
    expect(new Set(parsed.actionPlans.map((plan) => plan.memberCode)).size).toBe(75);
    expect(new Set(parsed.actionPlans.map((plan) => plan.publishedId)).size).toBe(214);
  });

  it('keeps only what is published in a usable form: whole numbers, full dates, named institutions', () => {
    const { commitments } = parseOgpCommitments(FILE);
    const filled = (field: 'number' | 'startDate' | 'endDate' | 'leadInstitutionName') =>
      commitments.filter((c) => c[field] !== null).length;
    expect([filled('number'), filled('startDate'), filled('endDate'), filled('leadInstitutionName')]).toEqual([470, 329, 379, 558 - 15]);
  });

  it("reads numeric dates month-first or day-first as each plan's own dates prove, and leaves unproven ambiguous ones out", () => {
    const { commitments } = parseOgpCommitments(FILE);
    const datesOf = (ogpId: string) => {
      const commitment = commitments.find((c) => c.id === `OGP-${ogpId}`)!;
      const published = lineOf(ogpId).values;
      return [published['start date'], published['end date'], commitment.startDate, commitment.endDate];
    };
    const firstWith = (test: (values: Record<string, string>) => boolean) =>
      LINES.find((row) => test(row.values))!.values['commitment unique identifier'];
    expect(datesOf('JAL0008')).toEqual(['8/22/2019', '8/22/2020', '2019-08-22', '2020-08-22']);
    expect(datesOf(firstWith((v) => v['action plan id'] === 'AP_BGR02' && v['start date'] === '1/7/2014'))).toEqual([
      '1/7/2014',
      '31/12/2016',
      '2014-07-01',
      '2016-12-31',
    ]);
    // Ireland's second plan proves no order: 1/1/2017 reads the same either way, 6/1/2018 could be June or January.
    expect(datesOf(firstWith((v) => v['action plan id'] === 'AP_IRL02' && v['start date'] === '1/1/2017'))).toEqual([
      '1/1/2017',
      '6/1/2018',
      '2017-01-01',
      null,
    ]);
  });
});

describe('loading', () => {
  let localBefore: string;

  beforeAll(async () => {
    localBefore = JSON.stringify(await subgraph.dataSource.getRepository(Commitment).find({ order: { id: 'ASC' } }));
  });

  it('inserts every plan and commitment the first time', async () => {
    expect(await load(FILE)).toEqual({
      commitments: { inserted: 558, updated: 0, unchanged: 0, rejected: 0 },
      'OGP action plans': { inserted: 214, updated: 0, unchanged: 0, rejected: 0 },
    });
    expect(await subgraph.dataSource.getRepository(Commitment).count()).toBe(42 + 558);
    expect(await subgraph.dataSource.getRepository(OgpActionPlan).count()).toBe(214);
  });

  it('leaves the local action plans and their commitments as they were', async () => {
    const local = await subgraph.dataSource
      .getRepository(Commitment)
      .find({ where: { source: { dataset: 'inai-pal-local' } }, order: { id: 'ASC' } });
    expect(JSON.stringify(local)).toBe(localBefore);
    const result = await subgraph.data(`{
      actionPlans { totalCount }
      plan: commitments(filter: { kind: ACTION_PLAN }) { totalCount }
      proactive: commitments(filter: { kind: PROACTIVE }) { totalCount }
      commitment(id: "MX-TLA-PAL-2016-03") { actionPlan { id } ogpActionPlan { id } assessment { starred } policyAreas leadInstitutionName }
    }`);
    expect(result.actionPlans.totalCount).toBe(7);
    expect(result.plan.totalCount + result.proactive.totalCount).toBe(42);
    expect(result.commitment).toEqual({
      actionPlan: { id: 'MX-TLA-PAL-2016' },
      ogpActionPlan: null,
      assessment: null,
      policyAreas: [],
      leadInstitutionName: null,
    });
  });
});

describe('Jalisco JAL0008', () => {
  const QUERY = `{ commitment(id: "OGP-JAL0008") {
    id kind number title description leadInstitutionName themes policyAreas stage startDate endDate
    responsibleInstitution { id } actionPlan { id }
    ogpActionPlan { id publishedId title memberCode memberName level region number submittedIn endYear state { id } }
    assessment {
      specificity potentialImpact starred
      midtermCompletion { level asPublished reportYear }
      endOfTermCompletion { level asPublished reportYear }
    }
    source { dataset file row publisher licence upstream }
  } }`;

  it("belongs to Jalisco's second OGP plan, whose state is 14", async () => {
    const { commitment } = await subgraph.data(QUERY);
    const line = lineOf('JAL0008');
    expect(commitment).toMatchObject({
      id: 'OGP-JAL0008',
      kind: 'OGP_ACTION_PLAN',
      number: 1,
      title: 'Plataforma Digital De Participación Ciudadana en la Construcción y Aprobación de Leyes',
      description: line.values['full text'],
      leadInstitutionName: 'Congreso del Estado de Jalisco',
      stage: null,
      startDate: '2019-08-22',
      endDate: '2020-08-22',
      responsibleInstitution: null,
      actionPlan: null,
      ogpActionPlan: {
        id: 'OGP-MXJL-2',
        publishedId: 'AP_MXJL02',
        title: 'Jalisco, Mexico — OGP action plan 2 (2019–2021)',
        memberCode: 'MXJL',
        memberName: 'Jalisco, Mexico',
        level: 'LOCAL',
        region: 'Americas',
        number: 2,
        submittedIn: 2019,
        endYear: 2021,
        state: { id: '14' },
      },
      source: {
        dataset: 'ogp-irm-commitments',
        file: OGP_FILE,
        row: line.line,
        publisher: 'Open Government Partnership (IRM), compiled by g0v',
        licence: 'OGP public data',
        upstream: 'g0v/ogp-commitments @ 2895b3e : open_parliament_0703.csv',
      },
    });
  });

  it('carries the IRM assessment as published: Moderate impact, complete at end of term (2022), the rest not rated', async () => {
    const { commitment } = await subgraph.data(QUERY);
    const published = lineOf('JAL0008').values;
    expect([published.specificity, published['potential impact'], published['max star']]).toEqual(['ND', 'Moderate', 'ND']);
    expect([
      published['completion (progress report)'],
      published['completion (end of term)'],
      published['report publication year (end of term)'],
    ]).toEqual(['ND', 'Complete', '2022']);
    expect(commitment.assessment).toEqual({
      specificity: null,
      potentialImpact: 'MODERATE',
      starred: null,
      midtermCompletion: null,
      endOfTermCompletion: { level: 'COMPLETE', asPublished: 'Complete', reportYear: 2022 },
    });
  });

  it('maps its policy-area tags to themes only where the mapping is clear, and keeps every tag', async () => {
    const { commitment } = await subgraph.data(QUERY);
    expect(commitment.themes).toEqual([
      'ACCESS_TO_INFORMATION',
      'RESOURCE_TRANSPARENCY',
      'CITIZEN_PARTICIPATION',
      'OPEN_DATA_PLAIN_LANGUAGE',
    ]);
    expect(commitment.policyAreas).toEqual([
      'Anti-Corruption and Integrity',
      'Asset Disclosure',
      'Conflicts Of Interest',
      'Lobbying',
      'Democratizing Decision-Making',
      'Regulatory Governance',
      'Fiscal Openness',
      'Publication Of Budget/Fiscal Information',
      'Open Parliaments',
      'Capacity Building',
      'Open Data',
      'Public Participation',
      'Subnational',
      'Participation in Lawmaking',
      'Access to information',
      'Money in Politics',
    ]);
  });

  it('keeps an IRM verdict outside the Completion scale as published, with no level', async () => {
    const withdrawn = LINES.find((row) => row.values['completion (progress report)'] === 'Withdrawn')!;
    const { commitment } = await subgraph.data(
      `query($id: ID!) { commitment(id: $id) { assessment { midtermCompletion { level asPublished } } } }`,
      {
        id: `OGP-${withdrawn.values['commitment unique identifier']}`,
      },
    );
    expect(commitment.assessment.midtermCompletion).toEqual({ level: null, asPublished: 'Withdrawn' });
  });
});

describe('filters', () => {
  it('finds OGP commitments by kind, member code and state', async () => {
    expect(await count({ kind: 'OGP_ACTION_PLAN' })).toBe(558);
    expect(await count({ country: 'UKR' })).toBe(countWhere((v) => v.code === 'UKR'));
    expect(await count({ country: 'UKR' })).toBe(32);
    expect((await subgraph.data(COUNT, { filter: { country: 'MXJL' } })).commitments.edges).toEqual([{ node: { id: 'OGP-JAL0008' } }]);
    expect((await subgraph.data(COUNT, { filter: { stateId: '14' } })).commitments.edges).toEqual([{ node: { id: 'OGP-JAL0008' } }]);
    expect(await count({ country: 'XXX' })).toBe(0);
  });

  it('finds starred and rated-but-not-starred commitments; unrated ones match neither', async () => {
    const starred = countWhere((v) => v['max star'] === '1');
    const notStarred = countWhere((v) => v['max star'] === '0');
    expect([starred, notStarred]).toEqual([36, 199]);
    expect(await count({ starred: true })).toBe(starred);
    expect(await count({ starred: false })).toBe(notStarred);
    expect(await count({ starred: true, country: 'UKR' })).toBe(countWhere((v) => v['max star'] === '1' && v.code === 'UKR'));
  });

  it('finds OGP commitments by mapped theme, plan and title search', async () => {
    const accessToInformation = countWhere((v) => v['right to information'] === '1' || v['access to information'] === '1');
    expect(await count({ kind: 'OGP_ACTION_PLAN', theme: 'ACCESS_TO_INFORMATION' })).toBe(accessToInformation);
    expect(await count({ kind: 'OGP_ACTION_PLAN', theme: 'FOLLOW_THE_MONEY' })).toBe(0);
    expect(await count({ actionPlanId: 'OGP-UKR-2' })).toBe(countWhere((v) => v['action plan id'] === 'AP_UKR02'));
    expect((await subgraph.data(COUNT, { filter: { search: 'plataforma digital de participacion' } })).commitments.edges).toEqual([
      { node: { id: 'OGP-JAL0008' } },
    ]);
  });

  it('lists OGP action plans with their commitments, and adds them to State', async () => {
    const result = await subgraph.data(`{
      all: ogpActionPlans { totalCount }
      local: ogpActionPlans(filter: { level: LOCAL }) { totalCount }
      jalisco: ogpActionPlans(filter: { stateId: "14" }) { edges { node { id commitments { totalCount edges { node { id } } } } } }
      ukraine: ogpActionPlan(id: "OGP-UKR-2") { memberName commitments(first: 5) { totalCount pageInfo { hasNextPage } } }
      missing: ogpActionPlan(id: "OGP-UKR-99") { id }
    }`);
    expect(result.all.totalCount).toBe(214);
    expect(result.local.totalCount).toBe(
      new Set(LINES.filter((row) => row.values['national or local'] === 'Legacy Local').map((row) => row.values['action plan id'])).size,
    );
    expect(result.jalisco.edges).toEqual([
      { node: { id: 'OGP-MXJL-2', commitments: { totalCount: 1, edges: [{ node: { id: 'OGP-JAL0008' } }] } } },
    ]);
    expect(result.ukraine).toEqual({ memberName: 'Ukraine', commitments: { totalCount: 12, pageInfo: { hasNextPage: true } } });
    expect(result.missing).toBeNull();

    const entities = await subgraph.data(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
        __typename
        ... on State { id actionPlans { id } ogpActionPlans { id } }
        ... on OgpActionPlan { id memberCode }
        ... on Commitment { id ogpActionPlan { id } }
      } }`,
      {
        representations: [
          { __typename: 'State', id: '14' },
          { __typename: 'State', id: '29' },
          { __typename: 'OgpActionPlan', id: 'OGP-MXJL-2' },
          { __typename: 'OgpActionPlan', id: 'OGP-NOPE-1' },
          { __typename: 'Commitment', id: 'OGP-JAL0008' },
        ],
      },
    );
    expect(entities._entities).toEqual([
      { __typename: 'State', id: '14', actionPlans: [], ogpActionPlans: [{ id: 'OGP-MXJL-2' }] },
      { __typename: 'State', id: '29', actionPlans: [{ id: 'MX-TLA-PAL-2016' }], ogpActionPlans: [] },
      { __typename: 'OgpActionPlan', id: 'OGP-MXJL-2', memberCode: 'MXJL' },
      null,
      { __typename: 'Commitment', id: 'OGP-JAL0008', ogpActionPlan: { id: 'OGP-MXJL-2' } },
    ]);
  });

  it('costs the same statements for 100 OGP commitments with their plans as for 2 (no N+1)', async () => {
    const LIST = `query($first: Int) { commitments(first: $first, filter: { kind: OGP_ACTION_PLAN }) { edges { node {
      id assessment { starred endOfTermCompletion { level } } actionPlan { id } ogpActionPlan { id state { id } commitments(first: 2) { totalCount } }
    } } } }`;
    const many = await subgraph.statementsDuring(() => subgraph.data(LIST, { first: 100 }));
    const few = await subgraph.statementsDuring(() => subgraph.data(LIST, { first: 2 }));
    expect(many).toBe(few);
  });
});

describe('malformed inputs are rejected whole, with the database unchanged', () => {
  it('rejects a truncated file, naming the line where it breaks', async () => {
    const text = fs.readFileSync(FILE, 'utf8');
    const problems = await rejection(writeTemporary(text.slice(0, Math.floor(text.length / 2))));
    expect(problems).toEqual([
      expect.objectContaining({ file: OGP_FILE, row: expect.any(Number), reason: expect.stringContaining('not a valid CSV file') }),
    ]);
    expect(problems[0].row).toBeGreaterThan(1);
  });

  it('rejects a file missing a column it reads', async () => {
    const file = editedCsv((records) => {
      const index = records[0].indexOf('Max star');
      for (const record of records) record.splice(index, 1);
    });
    expect(await rejection(file)).toEqual([
      { file: OGP_FILE, row: 1, field: 'max star', reason: 'required column is missing from the header' },
    ]);
  });

  it('rejects a duplicate commitment id, naming both lines', async () => {
    const file = editedCsv(withCell('JAL0008', 'Commitment Unique Identifier', 'AL0002'));
    const problems = await rejection(file);
    const [first, second] = [lineOf('AL0002').line, lineOf('JAL0008').line].sort((a, b) => a - b);
    expect(problems).toEqual([
      { file: OGP_FILE, row: second, field: 'id', value: 'OGP-AL0002', reason: `duplicates the row at line ${first}` },
    ]);
    const parsed = parseOgpCommitments(file);
    expect([parsed.commitments.length, parsed.rejected]).toEqual([557, 1]);
  });

  it('rejects a starred value that is not 0, 1, ND, NR or NA', async () => {
    const problems = await rejection(editedCsv(withCell('JAL0008', 'Max star', 'yes')));
    expect(problems).toEqual([
      { file: OGP_FILE, row: lineOf('JAL0008').line, field: 'max star', value: 'yes', reason: 'is not one of 0, 1, ND, NR, NA' },
    ]);
  });

  it('rejects unknown ratings and flags, and a line disagreeing with its plan, all in one report', async () => {
    const ukraine = LINES.filter((row) => row.values['action plan id'] === 'AP_UKR02').map(
      (row) => row.values['commitment unique identifier'],
    );
    const file = editedCsv((records) => {
      withCell('JAL0008', 'Potential Impact', 'Huge')(records);
      withCell('JAL0008', 'Open Data', 'yes')(records);
      withCell('JAL0008', 'Completion (End Of Term)', 'Done')(records);
      withCell(ukraine[1], 'Action Plan End Year', '2031')(records);
    });
    const problems = await rejection(file);
    const jalisco = lineOf('JAL0008').line;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: jalisco,
          field: 'potential impact',
          value: 'Huge',
          reason: expect.stringContaining('Transformative'),
        }),
        expect.objectContaining({ row: jalisco, field: 'open data', value: 'yes' }),
        expect.objectContaining({
          row: jalisco,
          field: 'completion (end of term)',
          value: 'Done',
          reason: expect.stringContaining('Withdrawn'),
        }),
        expect.objectContaining({
          row: lineOf(ukraine[1]).line,
          field: 'action plan end year',
          value: '2031',
          reason: expect.stringContaining(`line ${lineOf(ukraine[0]).line}`),
        }),
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(parseOgpCommitments(file).rejected).toBe(2);
  });
});

describe('re-import', () => {
  it('inserts and updates nothing when the file has not changed', async () => {
    const before = await snapshot();
    expect(await load(FILE)).toEqual({
      commitments: { inserted: 0, updated: 0, unchanged: 558, rejected: 0 },
      'OGP action plans': { inserted: 0, updated: 0, unchanged: 214, rejected: 0 },
    });
    expect(await snapshot()).toBe(before);
  });

  it('updates exactly the changed rows, and changes them back', async () => {
    const edited = editedCsv(withCell('JAL0008', 'Lead Institution', 'Congreso de Jalisco'));
    expect(await load(edited)).toMatchObject({
      commitments: { inserted: 0, updated: 1, unchanged: 557 },
      'OGP action plans': { updated: 0 },
    });
    expect((await subgraph.data('{ commitment(id: "OGP-JAL0008") { leadInstitutionName } }')).commitment.leadInstitutionName).toBe(
      'Congreso de Jalisco',
    );
    expect(await load(FILE)).toMatchObject({ commitments: { inserted: 0, updated: 1, unchanged: 557 } });
    expect((await subgraph.data('{ commitment(id: "OGP-JAL0008") { leadInstitutionName } }')).commitment.leadInstitutionName).toBe(
      'Congreso del Estado de Jalisco',
    );
  });

  it('is left alone when the local action plans are re-imported', async () => {
    const before = await snapshot();
    await importFormat(subgraph.dataSource, localActionPlans, [path.join(DATA, 'ogp-local'), path.join(DATA, 'illustrative')]);
    expect(await snapshot()).toBe(before);
  });
});
