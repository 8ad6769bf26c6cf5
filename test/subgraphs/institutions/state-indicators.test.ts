import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { definition } from '../../../subgraphs/institutions/definition';
import { StateIndicator } from '../../../subgraphs/institutions/entities/state-indicator.entity';
import { stateByName } from '../../../subgraphs/kit/states';
import { openTestSubgraph, type TestSubgraph } from '../../helpers/subgraph';
import { countRows, inputFile, runJson, sandbox, type Sandbox } from '../../tools/import/cli';
import { DATA } from './fixtures';

const FOLDER = path.join(DATA, 'metrica-gobierno-abierto');
const DATA_FILE = path.join(FOLDER, 'indicadores_estatales_datos.csv');
const DICTIONARY_FILE = path.join(FOLDER, 'indicadores_estatales_diccionario.csv');
const dataText = () => fs.readFileSync(DATA_FILE, 'latin1');
const dictionaryText = () => fs.readFileSync(DICTIONARY_FILE, 'utf8');

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await openTestSubgraph(definition);
});
afterAll(() => subgraph.close());

describe('the state indicators of the shipped sample', () => {
  test("Tlaxcala: population, poverty and governor with their dictionary's name, source and year", async () => {
    const { state } = await subgraph.data(
      `{ state(id: "29") { indicators(codes: ["M", "P", "AK"]) { code name publisher year value number source { dataset file row } } } }`,
    );
    expect(state.indicators).toEqual([
      {
        code: 'AK',
        name: 'Gobernador',
        publisher: 'Consulta propia sitios web oficiales',
        year: 2017,
        value: expect.any(String),
        number: null,
        source: expect.anything(),
      },
      {
        code: 'M',
        name: 'Poblacion total',
        publisher: 'Proyecciones CONAPO/INEGI',
        year: 2015,
        value: '1313067',
        number: 1313067,
        source: expect.anything(),
      },
      {
        code: 'P',
        name: 'Porcentaje de poblacion en situacion de pobreza',
        publisher: 'Coneval',
        year: 2016,
        value: '0.539',
        number: 0.539,
        source: expect.anything(),
      },
    ]);
    expect(state.indicators[1].source).toEqual({
      dataset: 'metrica-gobierno-abierto-2017',
      file: 'indicadores_estatales_datos.csv',
      row: 10,
    });
  });

  test('every value of every state and of the national row equals the file; "n.a." is no value', async () => {
    const rows: Record<string, string>[] = parse(dataText(), { columns: true, skip_empty_lines: true });
    const codes = (parse(dictionaryText(), { columns: true }) as Record<string, string>[]).map((row) => row.ID);
    const { states, nationalIndicators } = await subgraph.data(
      `{ states(first: 32) { edges { node { id indicators { code value } } } } nationalIndicators { code value } }`,
    );
    const byState = new Map<string | null, Record<string, string | null>>(
      states.edges.map(({ node }: any) => [node.id, Object.fromEntries(node.indicators.map((i: any) => [i.code, i.value]))]),
    );
    byState.set(null, Object.fromEntries(nationalIndicators.map((i: any) => [i.code, i.value])));
    let compared = 0;
    for (const row of rows.filter((r) => r.Estado !== '')) {
      const id = row.Estado === 'Nacional' ? null : stateByName(row.Estado)!.id;
      for (const code of codes) {
        expect([row.Estado, code, byState.get(id)![code]]).toEqual([
          row.Estado,
          code,
          row[code] === 'n.a.' || row[code] === '' ? null : row[code],
        ]);
        compared += 1;
      }
    }
    expect(compared).toBe(11 * codes.length);
    expect(nationalIndicators.find((i: any) => i.code === 'D').value).toBeNull();
  });

  test('indicators of 32 states cost the same statements as those of 5', async () => {
    const query = (first: number) => `{ states(first: ${first}) { edges { node { indicators(codes: ["M"]) { value } } } } }`;
    const few = await subgraph.statementsDuring(() => subgraph.query(query(5)));
    const many = await subgraph.statementsDuring(() => subgraph.query(query(32)));
    expect(many).toBe(few);
  });
});

describe('npm run import -- state-indicators', () => {
  let box: Sandbox;
  beforeAll(() => {
    box = sandbox();
  });
  afterAll(() => box.cleanup());

  test('the real files load from their folder, and again with nothing changed', async () => {
    const first = await runJson(box, ['state-indicators', FOLDER]);
    expect(first.code).toBe(0);
    expect(first.report.summary).toEqual({ inserted: 671, updated: 0, unchanged: 0, rejected: 0 });
    const again = await runJson(box, ['state-indicators', FOLDER]);
    expect(again.report.summary).toEqual({ inserted: 0, updated: 0, unchanged: 671, rejected: 0 });
  });

  test('a column the dictionary does not define, a definition without its column and an unknown state: each named, nothing written', async () => {
    const empty = sandbox();
    try {
      const lines = dataText().split('\n');
      lines[0] = lines[0].replace(',ODS17b,', ',ODS17c,');
      lines[2] = lines[2].replace(',Durango,', ',Durangoo,');
      const folder = path.dirname(inputFile(empty, 'indicadores_estatales_datos.csv', lines.join('\n')));
      fs.writeFileSync(path.join(folder, 'indicadores_estatales_diccionario.csv'), dictionaryText());
      const { code, report } = await runJson(empty, ['state-indicators', folder]);
      expect(code).toBe(1);
      expect(report.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ row: 1, field: 'ods17c', reason: 'is not defined in indicadores_estatales_diccionario.csv' }),
          expect.objectContaining({ field: 'id', value: 'ODS17b', reason: 'has no column in indicadores_estatales_datos.csv' }),
          expect.objectContaining({ row: 3, field: 'estado', value: 'Durangoo', reason: 'is not the name of a Mexican state' }),
        ]),
      );
      expect(report.written).toBe(false);
      expect(await countRows(empty, 'institutions', [StateIndicator])).toEqual([0]);
    } finally {
      await empty.cleanup();
    }
  });
});
