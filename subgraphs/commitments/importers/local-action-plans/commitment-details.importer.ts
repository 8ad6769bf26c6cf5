import { duplicateIdProblems, type ImportProblem } from '../../../kit/import/problems';
import { readCsv, requireColumns, type CsvRow } from '../../../kit/import/csv-file';
import { RowReader } from '../../../kit/import/row-reader';
import { Completion } from '../../../kit/completion';
import { Commitment } from '../../entities/commitment.entity';
import { CommitmentStage, CommitmentTheme, EvaluationKind } from '../../entities/commitment.enums';
import { DETAILS_FILE, EVALUATIONS_FILE, MILESTONES_FILE } from '../../entities/illustrative.dataset';
import { Evaluation } from '../../entities/evaluation.object';
import { Milestone } from '../../entities/milestone.object';
import { enumValue, optionalEnum, requiredDate } from './fields';

/** The ILLUSTRATIVE layer: themes, stage, responsible institution, dates, milestones and evaluations. */
export interface DetailFiles {
  details: string;
  milestones: string;
  evaluations: string;
}

export interface CommitmentDetails {
  commitmentId: string;
  row: number;
  themes: CommitmentTheme[];
  stage: CommitmentStage | null;
  responsibleInstitutionId: string | null;
  startDate: string | null;
  endDate: string | null;
  milestones: Milestone[];
  evaluations: Evaluation[];
}

export interface ParsedDetails {
  details: CommitmentDetails[];
  problems: ImportProblem[];
}

const INSTITUTION_ID = /^MX-[A-Z]+-[0-9A-Z]+$/;

/** Reads the three detail files; every row must name a commitment of `knownIds`. */
export function parseCommitmentDetails(files: DetailFiles, knownIds: Set<string>): ParsedDetails {
  const problems: ImportProblem[] = [];
  const knownCommitment = (file: string, row: CsvRow) => {
    const id = row.values.commitment_id ?? '';
    if (id !== '' && !knownIds.has(id))
      problems.push({ file, row: row.line, field: 'commitment_id', value: id, reason: 'is not a commitment of pal_compromisos.csv' });
    return knownIds.has(id);
  };

  const details = new Map<string, CommitmentDetails>();
  const detailRows = readCsv(files.details, DETAILS_FILE);
  requireColumns(DETAILS_FILE, detailRows, ['commitment_id', 'themes', 'stage', 'responsible_institution_id', 'start_date', 'end_date']);
  const parsedDetails: CommitmentDetails[] = [];
  for (const row of detailRows) {
    const reader = new RowReader(DETAILS_FILE, row, problems);
    const commitmentId = reader.text('commitment_id');
    const themes = (row.values.themes ?? '')
      .split(';')
      .map((theme) => theme.trim())
      .filter(Boolean)
      .map((theme) => enumValue(DETAILS_FILE, row, 'themes', theme, CommitmentTheme, problems))
      .filter((theme): theme is CommitmentTheme => theme !== null);
    const stage = optionalEnum(DETAILS_FILE, row, 'stage', CommitmentStage, problems);
    const responsibleInstitutionId = reader.optionalText('responsible_institution_id');
    if (responsibleInstitutionId !== null && !INSTITUTION_ID.test(responsibleInstitutionId)) {
      problems.push({
        file: DETAILS_FILE,
        row: row.line,
        field: 'responsible_institution_id',
        value: responsibleInstitutionId,
        reason: 'is not an institution id such as MX-GOB-29',
      });
    }
    const startDate = reader.optionalDate('start_date');
    const endDate = reader.optionalDate('end_date');
    if (startDate && endDate && endDate < startDate) {
      problems.push({ file: DETAILS_FILE, row: row.line, field: 'end_date', value: endDate, reason: 'is before start_date' });
    }
    if (!knownCommitment(DETAILS_FILE, row)) continue;
    parsedDetails.push({
      commitmentId,
      row: row.line,
      themes: [...new Set(themes)],
      stage,
      responsibleInstitutionId,
      startDate,
      endDate,
      milestones: [],
      evaluations: [],
    });
  }
  problems.push(
    ...duplicateIdProblems(
      DETAILS_FILE,
      parsedDetails,
      (d) => d.commitmentId,
      (d) => d.row,
    ),
  );
  for (const detail of parsedDetails) if (!details.has(detail.commitmentId)) details.set(detail.commitmentId, detail);

  const forCommitment = (file: string, row: CsvRow): CommitmentDetails | null => {
    if (!knownCommitment(file, row)) return null;
    const id = row.values.commitment_id;
    const detail = details.get(id);
    if (!detail) problems.push({ file, row: row.line, field: 'commitment_id', value: id, reason: `has no row in ${DETAILS_FILE}` });
    return detail ?? null;
  };

  const milestoneRows = readCsv(files.milestones, MILESTONES_FILE);
  requireColumns(MILESTONES_FILE, milestoneRows, ['commitment_id', 'title', 'due_on', 'done_on']);
  for (const row of milestoneRows) {
    const reader = new RowReader(MILESTONES_FILE, row, problems);
    const milestone = Object.assign(new Milestone(), {
      title: reader.text('title'),
      dueOn: reader.optionalDate('due_on'),
      doneOn: reader.optionalDate('done_on'),
      row: row.line,
    });
    forCommitment(MILESTONES_FILE, row)?.milestones.push(milestone);
  }

  const evaluationRows = readCsv(files.evaluations, EVALUATIONS_FILE);
  requireColumns(EVALUATIONS_FILE, evaluationRows, ['commitment_id', 'kind', 'date', 'completion', 'summary']);
  for (const row of evaluationRows) {
    const reader = new RowReader(EVALUATIONS_FILE, row, problems);
    const kind = enumValue(EVALUATIONS_FILE, row, 'kind', row.values.kind ?? '', EvaluationKind, problems);
    const completion = enumValue(EVALUATIONS_FILE, row, 'completion', row.values.completion ?? '', Completion, problems);
    const evaluation = Object.assign(new Evaluation(), {
      kind,
      date: requiredDate(reader, 'date'),
      completion,
      summary: reader.optionalText('summary'),
      row: row.line,
    });
    forCommitment(EVALUATIONS_FILE, row)?.evaluations.push(evaluation);
  }

  for (const detail of details.values()) {
    detail.milestones.sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
    detail.evaluations.sort((a, b) => a.date.localeCompare(b.date));
  }
  return { details: [...details.values()], problems };
}

export function applyDetails(commitment: Commitment, detail: CommitmentDetails): void {
  commitment.themes = detail.themes;
  commitment.stage = detail.stage;
  commitment.responsibleInstitutionId = detail.responsibleInstitutionId;
  commitment.startDate = detail.startDate;
  commitment.endDate = detail.endDate;
  commitment.milestones = detail.milestones;
  commitment.evaluations = detail.evaluations;
  commitment.detailsRow = detail.row;
}
