import fs from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS } from '../../../tools/subgraphs';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { run, sandbox, type Sandbox } from './cli';

const RECORDS_HEADER = 'institution_id,code,title,series_code,opened_on,closed_on,access,reserved_until,legal_basis';

let box: Sandbox;
let archives: TestSubgraph;

beforeAll(async () => {
  box = sandbox();
  // The service over the CLI's database, with the shipped sample (and so the catalogue the records need) loaded.
  archives = await openTestSubgraph(SUBGRAPHS.archives, { config: box.config });
}, 120_000);
afterAll(async () => {
  await archives?.close();
  await box?.cleanup();
});

/** A records folder as the `records` format reads it: the records, their documents, no subjects. */
function recordsFolder(name: string, records: string[], documents: string[]): string {
  const folder = path.join(box.inputs, name);
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'records.csv'), [RECORDS_HEADER, ...records, ''].join('\n'));
  fs.writeFileSync(path.join(folder, 'record_documents.csv'), ['record_id,title,kind,date', ...documents, ''].join('\n'));
  fs.writeFileSync(path.join(folder, 'record_subjects.csv'), 'record_id,kind,subject_id\n');
  return folder;
}

async function foundRecords(text: string): Promise<string[]> {
  const data = await archives.data('query($text: String!) { search(text: $text) { records(first: 50) { node { id } } } }', { text });
  return data.search.records.map((hit: { node: { id: string } }) => hit.node.id);
}

describe('the search index follows imports through the CLI', () => {
  const PUBLIC = 'MX-GOB-29/03C.20/0900/2019';
  const RESERVED = 'MX-GOB-29/03C.20/0901/2019';

  test('new records are found at once; a reserved one only by its code; a re-import replaces the old words', async () => {
    expect(await foundRecords('xilófonos')).toEqual([]);
    const first = recordsFolder(
      'first',
      [
        `MX-GOB-29,03C.20/0900/2019,Compra de xilófonos para las bandas municipales,03C.20,2019-01-07,,PUBLIC,,`,
        `MX-GOB-29,03C.20/0901/2019,Investigación sobre zanahorias extraviadas,03C.20,2019-01-08,,RESERVED,2024-01-08,Art. 113 fr. VI LGTAIP`,
      ],
      [`${PUBLIC},Acta de entrega de marimbas,MINUTES,2019-02-01`],
    );
    const imported = await run(box, ['records', first]);
    expect(imported).toMatchObject({ code: 0, stderr: '' });

    expect(await foundRecords('XILOFONOS municipales')).toEqual([PUBLIC]);
    expect(await foundRecords('marimbas')).toEqual([PUBLIC]);
    expect(await foundRecords('zanahorias')).toEqual([]);
    expect(await foundRecords('03C.20/0901/2019')).toEqual([RESERVED]);

    const second = recordsFolder(
      'second',
      [`MX-GOB-29,03C.20/0900/2019,Compra de violines para las bandas municipales,03C.20,2019-01-07,,PUBLIC,,`],
      [`${PUBLIC},Acta de entrega de marimbas,MINUTES,2019-02-01`],
    );
    expect(await run(box, ['records', second])).toMatchObject({ code: 0 });
    expect(await foundRecords('xilofonos')).toEqual([]);
    expect(await foundRecords('violines')).toEqual([PUBLIC]);
  }, 120_000);

  test('a dry run leaves the index as it was', async () => {
    const folder = recordsFolder('dry', [`MX-GOB-29,03C.20/0902/2019,Afinación de tubas,03C.20,2019-01-09,,PUBLIC,,`], []);
    expect(await run(box, ['records', folder, '--dry-run'])).toMatchObject({ code: 0 });
    expect(await foundRecords('tubas')).toEqual([]);
  }, 60_000);
});
