import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { duplicateIdProblems, type ImportProblem } from '../../kit/import/problems';
import { readCsv, requireColumns, type CsvRow } from '../../kit/import/csv-file';
import { RowReader } from '../../kit/import/row-reader';
import { upsertAll } from '../../kit/import/bulk-write';
import { sourceAt } from '../../kit/provenance';
import { stateByName } from '../../kit/states';
import { Commitment, commitmentWithoutDetails } from '../entities/commitment.entity';
import { CommitmentKind } from '../entities/commitment.enums';
import { Completion } from '../../kit/completion';
import { IrmAssessment, IrmPotentialImpact, IrmSpecificity } from '../entities/irm-assessment.object';
import { OgpActionPlan, OgpMemberLevel } from '../entities/ogp-action-plan.entity';
import { foldText } from '../text';
import { dateOrderOf, isoDateOf } from './ogp-commitments/dates';
import { POLICY_AREAS, themesOf } from './ogp-commitments/policy-areas';
import { compareWithStored, summarize, type ImportSummary } from '../../kit/import/import-summary';
import { ogpActionPlanId, ogpCommitmentId } from '../../kit/ids';

export const OGP_DATASET = 'ogp-irm-commitments';
export const OGP_FILE = 'ogp/open_parliament_0703.csv';

export function shippedOgpFile(dataDirectory: string): string {
  return path.join(dataDirectory, OGP_FILE);
}

/** The columns read, by their header names (readCsv lower-cases them); the other columns are ignored. */
const COLUMN = {
  id: 'commitment unique identifier',
  member: 'country/locality',
  code: 'code',
  region: 'region',
  level: 'national or local',
  planNumber: 'action plan number',
  planId: 'action plan id',
  submittedIn: 'year of submission',
  endYear: 'action plan end year',
  number: 'commitment number',
  title: 'commitment title',
  fullText: 'full text',
  startDate: 'start date',
  endDate: 'end date',
  leadInstitution: 'lead institution',
  specificity: 'specificity',
  potentialImpact: 'potential impact',
  midtermCompletion: 'completion (progress report)',
  midtermReportYear: 'report publication year (progress report)',
  endOfTermCompletion: 'completion (end of term)',
  endOfTermReportYear: 'report publication year (end of term)',
  starred: 'max star',
} as const;

const TAG_COLUMNS = POLICY_AREAS.map(([tag]) => [tag, tag.toLowerCase()] as const);

const REQUIRED_COLUMNS = [...Object.values(COLUMN), ...TAG_COLUMNS.map(([, column]) => column)];

/** The dataset's codes for "no rating": no data, not reviewed, not applicable. */
const NOT_RATED = ['ND', 'NR', 'NA'];

const LEVELS: Record<string, OgpMemberLevel> = {
  National: OgpMemberLevel.NATIONAL,
  'Legacy Local': OgpMemberLevel.LOCAL,
  Other: OgpMemberLevel.OTHER,
};

const SPECIFICITY: Record<string, IrmSpecificity> = {
  None: IrmSpecificity.NONE,
  Low: IrmSpecificity.LOW,
  Medium: IrmSpecificity.MEDIUM,
  High: IrmSpecificity.HIGH,
};

const POTENTIAL_IMPACT: Record<string, IrmPotentialImpact> = {
  None: IrmPotentialImpact.NONE,
  Minor: IrmPotentialImpact.MINOR,
  Moderate: IrmPotentialImpact.MODERATE,
  Transformative: IrmPotentialImpact.TRANSFORMATIVE,
};

/** "Withdrawn" and "Unclear" are IRM verdicts without a place on the Completion scale: kept as published, level null. */
const COMPLETION: Record<string, Completion | null> = {
  'Not Started': Completion.NOT_STARTED,
  Limited: Completion.LIMITED,
  Substantial: Completion.SUBSTANTIAL,
  Complete: Completion.COMPLETE,
  Withdrawn: null,
  Unclear: null,
};

const FLAGS: Record<string, boolean> = { '1': true, '0': false };

export interface ParsedOgpCommitments {
  actionPlans: OgpActionPlan[];
  commitments: Commitment[];
  problems: ImportProblem[];
  /** Data lines of the file (the header excluded). */
  rows: number;
  /** Data lines with at least one problem; every other line is in `commitments`, so rows = commitments + rejected. */
  rejected: number;
}

/**
 * The IRM dataset of OGP commitments: one commitment a line, its plan repeated on every line. A file that
 * cannot be read as CSV or lacks a column throws ImportError at once; problems in lines are collected.
 */
export function parseOgpCommitments(file: string, displayName = OGP_FILE): ParsedOgpCommitments {
  const rows = readCsv(file, displayName);
  requireColumns(displayName, rows, REQUIRED_COLUMNS);
  const problems: ImportProblem[] = [];
  const plans = new Map<string, OgpActionPlan>();
  const commitments: Commitment[] = [];
  const publishedDates = new Map<Commitment, PublishedDates>();
  for (const row of rows) {
    const before = problems.length;
    const line = new OgpLine(displayName, row, problems);
    const plan = line.plan();
    const commitment = line.commitment();
    if (plan && plans.has(plan.id)) line.checkSamePlan(plans.get(plan.id)!, plan);
    if (problems.length > before || !plan || !commitment) continue;
    if (!plans.has(plan.id)) plans.set(plan.id, plan);
    commitment.actionPlanId = plan.id;
    commitment.stateId = plan.stateId;
    commitment.memberCode = plan.memberCode;
    commitments.push(commitment);
    publishedDates.set(commitment, { start: row.values[COLUMN.startDate] ?? '', end: row.values[COLUMN.endDate] ?? '' });
  }
  setDates(publishedDates);
  problems.push(
    ...duplicateIdProblems(
      displayName,
      commitments,
      (c) => c.id,
      (c) => c.source.row ?? undefined,
    ),
  );
  const rejectedLines = new Set(problems.map((p) => p.row));
  return {
    actionPlans: [...plans.values()],
    commitments: commitments.filter((c) => !rejectedLines.has(c.source.row ?? undefined)),
    problems,
    rows: rows.length,
    rejected: rejectedLines.size,
  };
}

/** One line of the file, read into its plan and its commitment; every fault becomes a problem. */
class OgpLine {
  private readonly reader: RowReader;

  constructor(
    private readonly file: string,
    private readonly row: CsvRow,
    private readonly problems: ImportProblem[],
  ) {
    this.reader = new RowReader(file, row, problems);
  }

  private problem(field: string, reason: string): void {
    this.problems.push({ file: this.file, row: this.row.line, field, value: this.row.values[field], reason });
  }

  private code(field: string, example: string): string {
    const value = this.reader.text(field);
    if (value !== '' && !/^[A-Za-z0-9]+$/.test(value)) this.problem(field, `is not a code of letters and digits such as ${example}`);
    return value;
  }

  /** The number, or NaN when the cell is empty or not a whole number of at least `min` (a problem either way). */
  private whole(field: string, min: number): number {
    const value = this.reader.text(field);
    const valid = /^\d+$/.test(value) && Number(value) >= min;
    if (value !== '' && !valid) this.problem(field, `is not a whole number of at least ${min}`);
    return valid ? Number(value) : Number.NaN;
  }

  /** One of the published values in `allowed`, or null for ND, NR, NA (and an empty cell); anything else is a problem. */
  private rating<T>(field: string, allowed: Record<string, T>): T | null {
    const value = this.row.values[field] ?? '';
    if (value === '' || NOT_RATED.includes(value)) return null;
    if (Object.hasOwn(allowed, value)) return allowed[value];
    this.problem(field, `is not one of ${[...Object.keys(allowed), ...NOT_RATED].join(', ')}`);
    return null;
  }

  private reportYear(field: string): number | null {
    const value = this.row.values[field] ?? '';
    if (value === '' || NOT_RATED.includes(value)) return null;
    if (/^\d{4}$/.test(value)) return Number(value);
    this.problem(field, `is not a year (YYYY) nor one of ${NOT_RATED.join(', ')}`);
    return null;
  }

  plan(): OgpActionPlan | null {
    const memberCode = this.code(COLUMN.code, 'UKR or MXJL');
    const number = this.whole(COLUMN.planNumber, 1);
    const plan = new OgpActionPlan();
    plan.memberCode = memberCode;
    plan.number = number;
    plan.memberName = this.reader.text(COLUMN.member);
    plan.region = this.reader.text(COLUMN.region);
    plan.publishedId = this.reader.text(COLUMN.planId);
    plan.submittedIn = this.whole(COLUMN.submittedIn, 1000);
    plan.endYear = this.whole(COLUMN.endYear, 1000);
    const level = this.reader.text(COLUMN.level);
    if (level !== '' && !LEVELS[level]) this.problem(COLUMN.level, `is not one of ${Object.keys(LEVELS).join(', ')}`);
    if (memberCode === '' || Number.isNaN(number) || !LEVELS[level]) return null;
    plan.level = LEVELS[level];
    plan.id = ogpActionPlanId(memberCode, number);
    plan.title = `${plan.memberName} — OGP action plan ${number} (${plan.submittedIn}–${plan.endYear})`;
    plan.stateId = mexicanStateOf(plan.memberName);
    plan.source = sourceAt(OGP_DATASET, this.file, { row: this.row.line });
    return plan;
  }

  /** Every line repeats its plan's facts; a line that disagrees with the plan's first line is a problem. */
  checkSamePlan(first: OgpActionPlan, plan: OgpActionPlan): void {
    const facts: [keyof OgpActionPlan, string][] = [
      ['memberName', COLUMN.member],
      ['region', COLUMN.region],
      ['level', COLUMN.level],
      ['publishedId', COLUMN.planId],
      ['submittedIn', COLUMN.submittedIn],
      ['endYear', COLUMN.endYear],
    ];
    for (const [fact, field] of facts) {
      if (plan[fact] !== first[fact]) {
        this.problem(
          field,
          `differs from line ${first.source.row}, which gives "${String(first[fact])}" for the same action plan ${first.id}`,
        );
      }
    }
  }

  commitment(): Commitment | null {
    const ogpId = this.code(COLUMN.id, 'JAL0008');
    const title = this.reader.text(COLUMN.title);
    const fullText = this.reader.text(COLUMN.fullText);
    const numberText = this.reader.optionalText(COLUMN.number);
    const policyAreas = this.policyAreas();
    const assessment = this.assessment();
    if (ogpId === '') return null;

    const commitment = commitmentWithoutDetails();
    commitment.id = ogpCommitmentId(ogpId);
    commitment.kind = CommitmentKind.OGP_ACTION_PLAN;
    commitment.number = numberText !== null && /^\d+$/.test(numberText) && Number(numberText) > 0 ? Number(numberText) : null;
    commitment.title = title;
    commitment.titleFolded = foldText(title);
    commitment.fullText = fullText;
    commitment.leadInstitutionName = this.published(COLUMN.leadInstitution);
    commitment.policyAreas = policyAreas;
    commitment.themes = themesOf(policyAreas);
    commitment.irm = assessment;
    // Start and end dates are set by setDates once every line of the plan is read.
    commitment.source = sourceAt(OGP_DATASET, this.file, { row: this.row.line });
    return commitment;
  }

  /** A cell as published, null when empty or ND, NR, NA. */
  private published(field: string): string | null {
    const value = this.reader.optionalText(field);
    return value === null || NOT_RATED.includes(value) ? null : value;
  }

  private policyAreas(): string[] {
    const tags: string[] = [];
    for (const [tag, column] of TAG_COLUMNS) {
      const flag = this.row.values[column] ?? '';
      if (flag === '1') tags.push(tag);
      else if (flag !== '0' && !NOT_RATED.includes(flag)) this.problem(column, `is not a policy-area flag (1, 0, ${NOT_RATED.join(', ')})`);
    }
    return tags;
  }

  private assessment(): IrmAssessment {
    const assessment = new IrmAssessment();
    assessment.specificity = this.rating(COLUMN.specificity, SPECIFICITY);
    assessment.potentialImpact = this.rating(COLUMN.potentialImpact, POTENTIAL_IMPACT);
    assessment.starred = this.rating(COLUMN.starred, FLAGS);
    assessment.midtermLevel = this.rating(COLUMN.midtermCompletion, COMPLETION);
    assessment.midtermAsPublished = this.published(COLUMN.midtermCompletion);
    assessment.midtermReportYear = this.reportYear(COLUMN.midtermReportYear);
    assessment.endOfTermLevel = this.rating(COLUMN.endOfTermCompletion, COMPLETION);
    assessment.endOfTermAsPublished = this.published(COLUMN.endOfTermCompletion);
    assessment.endOfTermReportYear = this.reportYear(COLUMN.endOfTermReportYear);
    return assessment;
  }
}

/** "Jalisco, Mexico" is the state of Jalisco; other members (Mexico itself included) have no state. */
function mexicanStateOf(memberName: string): string | null {
  const locality = /^(.+),\s*Mexico$/i.exec(memberName)?.[1];
  return locality === undefined ? null : (stateByName(locality)?.id ?? null);
}

interface PublishedDates {
  start: string;
  end: string;
}

/** Sets each commitment's start and end dates, reading numeric dates in the order its plan's dates prove. */
function setDates(publishedDates: Map<Commitment, PublishedDates>): void {
  const textsByPlan = new Map<string, string[]>();
  for (const [commitment, { start, end }] of publishedDates) {
    textsByPlan.set(commitment.actionPlanId, [...(textsByPlan.get(commitment.actionPlanId) ?? []), start, end]);
  }
  for (const [commitment, { start, end }] of publishedDates) {
    const order = dateOrderOf(textsByPlan.get(commitment.actionPlanId)!);
    commitment.startDate = isoDateOf(start, order);
    commitment.endDate = isoDateOf(end, order);
  }
}

export interface OgpImportSummary extends ImportSummary {
  actionPlans: ImportSummary;
}

/** Writes the new and changed plans and commitments inside the caller's transaction, counting against the stored rows. */
export async function writeOgpCommitments(manager: EntityManager, parsed: ParsedOgpCommitments): Promise<OgpImportSummary> {
  const plans = await compareWithStored(manager, OgpActionPlan, parsed.actionPlans);
  const commitments = await compareWithStored(manager, Commitment, parsed.commitments);
  await upsertAll(manager, OgpActionPlan, [...plans.inserted, ...plans.updated]);
  await upsertAll(manager, Commitment, [...commitments.inserted, ...commitments.updated]);
  return { ...summarize(commitments, parsed.rejected), actionPlans: summarize(plans) };
}
