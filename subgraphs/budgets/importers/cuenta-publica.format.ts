import { allOrNothingFormat, bySource, MAX_ERRORS_BY_FILE } from '../../kit/import/format-helpers';
import { ProgramAccount } from '../entities/program-account.entity';
import { parseCuentaPublicaFiles, writeCuentaPublica } from './cuenta-publica.importer';

export const cuentaPublica = allOrNothingFormat({
  name: 'cuenta-publica',
  subgraph: 'budgets',
  summary: 'Cuenta Pública by ramo and program (lapanquecita/cuenta-publica CSV) → program accounts',
  arguments: '<YEAR.csv | folder>…',
  help: [
    'Reads the federal Cuenta Pública per ente, ramo and program as compiled by lapanquecita/cuenta-publica (csv/<year>.csv, 2013–2023): blocks of a name row and the Aprobado, Modificado, Devengado, Ejercicio and percentage rows. A folder stands for its .csv files. Dataset id: cuenta-publica.',
    "Each ramo's programs must add up to its totals and each ente's ramos to the ente's, within the rounding of each figure to the centavo; each percentage must be the ratio of its amounts at the precision the file publishes. Rows the compilation mislabels, where the totals prove what they are, are read as such and listed as notes.",
    'Counts are program accounts (one per block of rows), rows read are lines. All or nothing: one rejected row anywhere and nothing is written.',
    MAX_ERRORS_BY_FILE,
  ],
  example: 'npm run import -- cuenta-publica data/cuenta-publica/2018.csv',
  filesOf: '.csv',
  read: (files) => parseCuentaPublicaFiles(files.map((file) => ({ file: file.absolute, dataset: 'cuenta-publica' }))),
  tables: (parsed) => [bySource(ProgramAccount, 'program accounts', parsed.accounts)],
  write: writeCuentaPublica,
  warnings: (parsed) => parsed.corrections,
});
