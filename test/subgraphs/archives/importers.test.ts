import { archivalCatalogue } from '../../../subgraphs/archives/importers/archival-catalogue.format';
import { records as recordsFormat } from '../../../subgraphs/archives/importers/records.format';
import { definition } from '../../../subgraphs/archives/definition';
import { ClassificationSeries } from '../../../subgraphs/archives/entities/classification-series.entity';
import { ArchivalRecord } from '../../../subgraphs/archives/entities/record.entity';
import { ImportError, type ImportProblem } from '../../../subgraphs/kit/import/problems';
import { importFormat } from '../../helpers/formats';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { CATALOGUE_DIR, CATALOGUE_FILES, RECORDS_DIR, RECORD_FILES, copyWith, editLine, lineOf, tableCounts } from './fixtures';

const SAMPLE_COUNTS = { sections: 15, series: 113, subseries: 28, records: 13, subjects: 21 };

/** Runs a load that must be rejected and returns the problems it names. */
async function rejected(load: Promise<unknown>): Promise<ImportProblem[]> {
  const error = await load.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).problems;
}

/** Edits two lines: the faulty one, and a valid change elsewhere that must not land either. */
function withHarmlessTitleChange(prefix: string, edit: (text: string) => string): (text: string) => string {
  return (text) => edit(editLine(prefix, (line) => line.replace(',', ',CHANGED '))(text));
}

describe('archives importers', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await openTestSubgraph(definition);
  });
  afterAll(() => subgraph.close());

  const seriesTitle = async (code: string) => (await subgraph.dataSource.manager.findOneByOrFail(ClassificationSeries, { code })).title;
  const recordTitle = async (id: string) => (await subgraph.dataSource.manager.findOneByOrFail(ArchivalRecord, { id })).title;

  it('loads the sample with the expected row counts', async () => {
    expect(await tableCounts(subgraph)).toEqual(SAMPLE_COUNTS);
  });

  it('is idempotent: loading catalogue and records again leaves the same rows', async () => {
    await importFormat(subgraph.dataSource, archivalCatalogue, [CATALOGUE_DIR]);
    await importFormat(subgraph.dataSource, recordsFormat, [RECORDS_DIR]);
    await importFormat(subgraph.dataSource, archivalCatalogue, [CATALOGUE_DIR]);
    await importFormat(subgraph.dataSource, recordsFormat, [RECORDS_DIR]);
    expect(await tableCounts(subgraph)).toEqual(SAMPLE_COUNTS);
  });

  it("moves records' due dates when a corrected catalogue changes a series' retention", async () => {
    const id = 'MX-CPA-20147/05C.14/5131/2017';
    const longer = copyWith(
      CATALOGUE_DIR,
      CATALOGUE_FILES,
      'cadido_series.csv',
      editLine('05C.14,', (line) => line.replace(',2,3,5,', ',2,4,6,')),
    );
    await importFormat(subgraph.dataSource, archivalCatalogue, [longer]);
    expect((await subgraph.dataSource.manager.findOneByOrFail(ArchivalRecord, { id })).dispositionDueOn).toBe('2023-07-31');
    await importFormat(subgraph.dataSource, archivalCatalogue, [CATALOGUE_DIR]);
    expect((await subgraph.dataSource.manager.findOneByOrFail(ArchivalRecord, { id })).dispositionDueOn).toBe('2022-07-31');
  });

  describe('rejects a malformed catalogue, naming file, line and field, and writes nothing', () => {
    const series = 'cadido_series.csv';
    const cases: [string, string, (text: string) => string, Partial<ImportProblem>][] = [
      [
        'years_total ≠ AT + AC',
        series,
        editLine('05C.14,', (l) => l.replace(',2,3,5,', ',2,3,6,')),
        { file: series, row: lineOf(CATALOGUE_DIR, series, '05C.14,'), field: 'years_total', value: '6' },
      ],
      [
        'an unknown final disposition',
        series,
        editLine('05C.14,', (l) => l.replace('Eliminación', 'Destrucción')),
        { file: series, row: lineOf(CATALOGUE_DIR, series, '05C.14,'), field: 'destino_final_tecnica_seleccion', value: 'Destrucción' },
      ],
      [
        'an unknown documentary value',
        series,
        editLine('05C.14,', (l) => l.replace('Administrativo;Contable', 'Administrativo;Histórico')),
        { file: series, row: lineOf(CATALOGUE_DIR, series, '05C.14,'), field: 'valores_documentales' },
      ],
      [
        'a series of an unknown section',
        series,
        editLine('05C.14,', (l) => l.replace(',05C,', ',99C,')),
        { file: series, row: lineOf(CATALOGUE_DIR, series, '05C.14,'), field: 'section_code', value: '99C' },
      ],
      [
        'a non-numeric year count',
        series,
        editLine('05C.14,', (l) => l.replace(',2,3,5,', ',dos,3,5,')),
        { file: series, row: lineOf(CATALOGUE_DIR, series, '05C.14,'), field: 'years_tramite_at', value: 'dos' },
      ],
      [
        'a missing column',
        series,
        editLine('series_code,', (l) => l.replace('years_total', 'years_sum')),
        { file: series, row: 1, field: 'years_total' },
      ],
      [
        'a duplicated series code',
        series,
        editLine('05C.15,', (l) => l.replace('05C.15,', '05C.14,')),
        { file: series, row: lineOf(CATALOGUE_DIR, series, '05C.15,'), field: 'id', value: '05C.14' },
      ],
    ];
    it.each(cases)('%s', async (_name, file, edit, expected) => {
      const before = await tableCounts(subgraph);
      const directory = copyWith(CATALOGUE_DIR, CATALOGUE_FILES, file, withHarmlessTitleChange('01C.02,', edit));
      const problems = await rejected(importFormat(subgraph.dataSource, archivalCatalogue, [directory]));
      expect(problems).toContainEqual(expect.objectContaining(expected));
      expect(await tableCounts(subgraph)).toEqual(before);
      expect(await seriesTitle('01C.02')).toBe('Programas y proyectos en materia de legislación');
    });

    it('a subseries of an unknown series', async () => {
      const file = 'cadido_subseries.csv';
      const directory = copyWith(
        CATALOGUE_DIR,
        CATALOGUE_FILES,
        file,
        editLine('06C.04.01,', (l) => l.replace(',06C.04', ',06C.99')),
      );
      const problems = await rejected(importFormat(subgraph.dataSource, archivalCatalogue, [directory]));
      expect(problems).toEqual([
        expect.objectContaining({ file, row: lineOf(CATALOGUE_DIR, file, '06C.04.01,'), field: 'series_code', value: '06C.99' }),
      ]);
      expect(await tableCounts(subgraph)).toEqual(SAMPLE_COUNTS);
    });
  });

  describe('rejects malformed records, naming file, line and field, and writes nothing', () => {
    const records = 'records.csv';
    const clc = 'MX-CPA-20147,05C.14/5131/2017,';
    const cases: [string, string, (text: string) => string, Partial<ImportProblem>][] = [
      [
        'a record in an unknown series',
        records,
        editLine(clc, (l) => l.replace(',05C.14,', ',05C.99,')),
        { file: records, row: lineOf(RECORDS_DIR, records, clc), field: 'series_code', value: '05C.99' },
      ],
      [
        'a bad date',
        records,
        editLine(clc, (l) => l.replace(',2017-07-25,', ',2017-02-30,')),
        { file: records, row: lineOf(RECORDS_DIR, records, clc), field: 'opened_on', value: '2017-02-30' },
      ],
      [
        'a closing date before the opening date',
        records,
        editLine(clc, (l) => l.replace(',2017-07-31,', ',2016-07-31,')),
        { file: records, row: lineOf(RECORDS_DIR, records, clc), field: 'closed_on', value: '2016-07-31' },
      ],
      [
        'an unknown access classification',
        records,
        editLine(clc, (l) => l.replace(',PUBLIC,', ',SECRET,')),
        { file: records, row: lineOf(RECORDS_DIR, records, clc), field: 'access', value: 'SECRET' },
      ],
      [
        'a RESERVED record without a term',
        records,
        editLine('MX-GOB-29,10C.06/', (l) => l.replace(',2027-02-28,', ',,')),
        { file: records, row: lineOf(RECORDS_DIR, records, 'MX-GOB-29,10C.06/'), field: 'reserved_until' },
      ],
      [
        'a missing column',
        records,
        editLine('institution_id,', (l) => l.replace('legal_basis', 'basis')),
        { file: records, row: 1, field: 'legal_basis' },
      ],
      [
        'a document of an unknown record',
        'record_documents.csv',
        (t) => `${t}MX-GOB-29/none,Oficio,MEMO,2018-01-01\n`,
        { file: 'record_documents.csv', field: 'record_id', value: 'MX-GOB-29/none' },
      ],
      [
        'an unknown document kind',
        'record_documents.csv',
        editLine('MX-CPA-20147/05C.14/5131/2017,', (l) => l.replace('PAYMENT_ORDER', 'CHEQUE')),
        { file: 'record_documents.csv', field: 'kind', value: 'CHEQUE' },
      ],
      [
        'an unknown subject kind',
        'record_subjects.csv',
        editLine('MX-CPA-20147/05C.14/5131/2017,', (l) => l.replace('CONTRACT', 'PURCHASE')),
        {
          file: 'record_subjects.csv',
          row: lineOf(RECORDS_DIR, 'record_subjects.csv', 'MX-CPA-20147/05C.14/5131/2017,'),
          field: 'kind',
          value: 'PURCHASE',
        },
      ],
      ['an unclosed quote', records, editLine(clc, (l) => l.replace(',Cuenta', ',"Cuenta')), { file: records }],
    ];
    it.each(cases)('%s', async (_name, file, edit, expected) => {
      const before = await tableCounts(subgraph);
      const harmless = editLine('MX-GOB-29,03C.18/', (l) => l.replace(',Programación', ',CHANGED Programación'));
      const directory = copyWith(RECORDS_DIR, RECORD_FILES, file, (text) => edit(file === records ? harmless(text) : text));
      const problems = await rejected(importFormat(subgraph.dataSource, recordsFormat, [directory]));
      expect(problems).toContainEqual(expect.objectContaining(expected));
      expect(await tableCounts(subgraph)).toEqual(before);
      expect(await recordTitle('MX-GOB-29/03C.18/0001/2017')).toBe(
        'Programación y presupuestación de FORTAMUN 2017 para los municipios de Tlaxcala',
      );
    });
  });
});
