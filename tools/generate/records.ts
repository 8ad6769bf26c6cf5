import path from 'node:path';
import { responsibleUnitId } from '../../subgraphs/kit/ids';
import type { GeneratedProgram } from './budget';
import type { SeriesCode } from './catalogue';
import { dayOfYear, daysBetween } from './dates';
import type { GeneratedContract } from './ocds';
import type { Random } from './random';
import { SYNTHETIC_FISCAL_YEAR } from './synthetic';
import { csvRecord, FileWriter } from './writer';

const RECORD_COLUMNS = [
  'institution_id',
  'code',
  'title',
  'series_code',
  'opened_on',
  'closed_on',
  'access',
  'reserved_until',
  'legal_basis',
];
const DOCUMENT_KINDS = ['MEMO', 'AGREEMENT', 'INVOICE', 'PAYMENT_ORDER', 'REPORT', 'MINUTES', 'RESOLUTION'];

export interface RecordsSummary {
  records: number;
  subjects: number;
  documents: number;
}

/**
 * Writes archival records (*expedientes*) in the format of data/illustrative/records.csv, record_subjects.csv and
 * record_documents.csv, filed in real CADIDO series. Contracts are offered one by one while the OCDS files are
 * written; each is documented with the probability that spreads `target` records over the expected contracts, and
 * whatever is still missing at the end documents generated programs. Nothing is kept but three open files.
 */
export class RecordsWriter {
  private readonly records: FileWriter;
  private readonly subjects: FileWriter;
  private readonly documents: FileWriter;
  private readonly summary: RecordsSummary = { records: 0, subjects: 0, documents: 0 };
  /** Chance in a million that an offered contract gets a record. */
  private readonly perMillion: number;

  constructor(
    directory: string,
    private readonly target: number,
    expectedContracts: number,
    private readonly series: readonly SeriesCode[],
    private readonly random: Random,
  ) {
    this.records = new FileWriter(path.join(directory, 'records.csv'));
    this.subjects = new FileWriter(path.join(directory, 'record_subjects.csv'));
    this.documents = new FileWriter(path.join(directory, 'record_documents.csv'));
    this.records.write(csvRecord(RECORD_COLUMNS, '\n'));
    this.subjects.write(csvRecord(['record_id', 'kind', 'subject_id'], '\n'));
    this.documents.write(csvRecord(['record_id', 'title', 'kind', 'date'], '\n'));
    this.perMillion = expectedContracts === 0 ? 0 : Math.min(1_000_000, Math.ceil((target * 1_000_000) / expectedContracts));
  }

  offerContract(contract: GeneratedContract): void {
    if (this.summary.records >= this.target || this.random.int(0, 999_999) >= this.perMillion) return;
    const recordId = this.writeRecord(contract.program, `Expediente del contrato ${contract.id}: ${contract.title}`, contract.signedOn);
    this.writeSubject(recordId, 'CONTRACT', contract.id);
    this.writeSubject(recordId, 'TRANSACTION', contract.transactionIds[0]);
    this.writeSubject(recordId, 'BUDGET_PROGRAM', `${SYNTHETIC_FISCAL_YEAR}:${contract.program.key}`);
  }

  /** Completes the target with records about programs, then closes the files. */
  finish(programs: readonly GeneratedProgram[]): RecordsSummary {
    while (this.summary.records < this.target && programs.length > 0) {
      const program = this.random.pick(programs);
      const title = `Seguimiento del ejercicio ${SYNTHETIC_FISCAL_YEAR} del programa ${program.key} ${program.template.programName}`;
      const recordId = this.writeRecord(program, title, dayOfYear(SYNTHETIC_FISCAL_YEAR, this.random.int(0, 90)));
      this.writeSubject(recordId, 'BUDGET_PROGRAM', `${SYNTHETIC_FISCAL_YEAR}:${program.key}`);
    }
    this.records.close();
    this.subjects.close();
    this.documents.close();
    return { ...this.summary };
  }

  private writeRecord(program: GeneratedProgram, title: string, openedOn: string): string {
    this.summary.records += 1;
    const { template } = program;
    const institutionId = responsibleUnitId(template.ramo.padStart(2, '0'), template.unit);
    const series = this.random.pick(this.series);
    const code = `${series.code}/${String(this.summary.records).padStart(7, '0')}/${SYNTHETIC_FISCAL_YEAR}`;
    const opened = daysBetween(`${SYNTHETIC_FISCAL_YEAR}-01-01`, openedOn);
    const closedOn = this.random.percent(70) ? dayOfYear(SYNTHETIC_FISCAL_YEAR, opened + this.random.int(0, 300)) : '';
    const roll = this.random.int(0, 99);
    const [access, reservedUntil, legalBasis] =
      roll < 85
        ? ['PUBLIC', '', '']
        : roll < 95
          ? ['RESERVED', `${SYNTHETIC_FISCAL_YEAR + 5}-12-31`, 'Art. 113 fr. VI LGTAIP (sintético)']
          : ['CONFIDENTIAL', '', 'Art. 116 LGTAIP, datos personales (sintético)'];
    this.records.write(csvRecord([institutionId, code, title, series.code, openedOn, closedOn, access, reservedUntil, legalBasis], '\n'));
    const recordId = `${institutionId}/${code}`;
    const documents = this.random.int(0, 3);
    for (let d = 1; d <= documents; d += 1) {
      const kind = this.random.pick(DOCUMENT_KINDS);
      const date = dayOfYear(SYNTHETIC_FISCAL_YEAR, opened + this.random.int(0, 60));
      this.documents.write(csvRecord([recordId, `Documento sintético ${d} (${kind.toLowerCase()}) de ${code}`, kind, date], '\n'));
      this.summary.documents += 1;
    }
    return recordId;
  }

  private writeSubject(recordId: string, kind: string, subjectId: string): void {
    this.subjects.write(csvRecord([recordId, kind, subjectId], '\n'));
    this.summary.subjects += 1;
  }
}
