/** The import plumbing importers and formats use, in one import; each part lives in the file named for its role. */
export { upsertAll } from './bulk-write';
export { type CsvRow, eachCsvRow, readCsv, readCsvCollecting, requireColumns } from './csv-file';
export { inTransaction } from './load-transaction';
export { collectProblems, describeProblem, duplicateIdProblems, ImportError, type ImportProblem, rejectIfProblems } from './problems';
export { isIsoDate, RowReader } from './row-reader';
export { readText } from './text-file';
