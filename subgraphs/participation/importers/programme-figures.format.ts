import { bySource, allOrNothingFormat } from '../../kit/import/format-helpers';
import { ProgrammeFigureRow } from '../entities/programme-figure.entity';
import { PROGRAMME_DATASET, parseProgrammeFigures, writeProgrammeFigures } from './programme-figures.importer';

export const programmeFigures = allOrNothingFormat({
  name: 'programme-figures',
  subgraph: 'participation',
  summary: "The programme's own figures (cohorts, 2017 counts) → programme figures",
  arguments: '<cocreacion-2017.csv>',
  help: [
    `Reads the figures Cocreación desde lo Local reported about itself: columns measure, as_of, reported_count, state, said; a row has a count or a state. Dataset id: ${PROGRAMME_DATASET}.`,
    'All or nothing: one rejected row and nothing is written.',
  ],
  example: 'npm run import -- programme-figures data/participation/cocreacion-2017.csv',
  read: ([file]) => parseProgrammeFigures(file.absolute, file.displayName),
  tables: (parsed) => [bySource(ProgrammeFigureRow, 'programme figures', parsed.figures)],
  write: writeProgrammeFigures,
});
