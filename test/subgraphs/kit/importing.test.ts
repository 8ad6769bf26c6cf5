import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImportError } from '../../../subgraphs/kit/import/problems';
import { csvRows, readCsv, requireColumns } from '../../../subgraphs/kit/import/csv-file';
import { csvRecords } from '../../../subgraphs/kit/import/csv-records';
import { readText, textChunks } from '../../../subgraphs/kit/import/text-file';

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-csv-'));
const write = (name: string, content: string | Buffer) => {
  const file = path.join(directory, name);
  fs.writeFileSync(file, content);
  return file;
};

afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

describe('reading public CSV files', () => {
  test('UTF-8 with a byte-order mark, CRLF line ends, quoted fields and upper-case headers', () => {
    const file = write('bom.csv', '\ufeffESTADO,Titulo\r\nTlaxcala,"Seguir el dinero, FORTAMUN"\r\n');
    expect(readCsv(file)).toEqual([{ line: 2, values: { estado: 'Tlaxcala', titulo: 'Seguir el dinero, FORTAMUN' } }]);
  });

  test('Latin-1 files are recognised and decoded', () => {
    const file = write('latin1.csv', Buffer.from('estado,gobernador\nTabasco,Arturo Nu\xf1ez\n', 'latin1'));
    expect(readText(file).encoding).toBe('latin1');
    expect(readCsv(file)[0].values.gobernador).toBe('Arturo Nuñez');
  });

  test('a spreadsheet, a UTF-16 export and a binary file are each named for what they are', () => {
    const text = 'estado,gobernador\nTabasco,Arturo Nuñez\n';
    const cases: [string, Buffer, RegExp][] = [
      [
        'book.csv',
        Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(20)]),
        /book\.csv: is a spreadsheet or ZIP archive, not a text file: export it as CSV/,
      ],
      [
        'utf16.csv',
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
        /utf16\.csv: is encoded in UTF-16: save it as UTF-8/,
      ],
      ['binary.csv', Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x00, 0x01, 0x02]), /binary\.csv: is not a text file \(it contains NUL bytes\)/],
    ];
    for (const [name, bytes, message] of cases) expect(() => readCsv(write(name, bytes))).toThrow(message);
  });

  test('records that span lines keep the line where they start', () => {
    const file = write('multiline.csv', 'a,b\n1,"two\nlines"\n3,x\n');
    expect(readCsv(file).map((row) => row.line)).toEqual([2, 4]);
  });

  test('a truncated file (unclosed quote) is one problem naming the file', () => {
    const file = write('truncated.csv', 'a,b\n1,"never closed\n');
    expect(() => readCsv(file)).toThrow(ImportError);
    expect(() => readCsv(file)).toThrow(/truncated\.csv/);
  });

  test('a row with the wrong number of fields names its line', () => {
    const file = write('ragged.csv', 'a,b\n1,2\n3\n');
    expect(() => readCsv(file)).toThrow(/line 3/);
  });

  test('a file too large to hold whole (JSON) is refused with advice, without reading it', () => {
    const file = write('huge.json', '');
    fs.truncateSync(file, 401 * 2 ** 20); // sparse: no disk or memory used
    expect(() => readText(file)).toThrow(ImportError);
    expect(() => readText(file)).toThrow(/huge\.json: is 401 MiB; files over 400 MiB must be split/);
  });

  test('a CSV larger than one read chunk reads as the whole text does, records cut at any point', () => {
    // Quoted fields with commas, quotes, LF and CRLF inside, long and short lines, so that chunk boundaries (4 MiB)
    // fall inside every kind of record and line break.
    const rows = Array.from({ length: 90_000 }, (_, i) =>
      i % 7 === 0 ? `${i},"quoted, ""with"" quotes\r\nand a break",${'x'.repeat(i % 97)}` : `${i},plain,${'é'.repeat(i % 89)}`,
    );
    const body = `n,kind,padding\r\n${rows.join('\r\n')}\r\n`;
    const file = write('chunked.csv', body);
    expect(fs.statSync(file).size).toBeGreaterThan(8 * 2 ** 20);
    const streamed = [...csvRows(file, 'chunked.csv', ['n', 'kind', 'padding'])];
    expect(streamed).toHaveLength(90_000);
    expect(streamed[7]).toEqual({ line: 10, values: { n: '7', kind: 'quoted, "with" quotes\r\nand a break', padding: 'x'.repeat(7) } });
    expect(streamed[89_999].values.n).toBe('89999');
    expect([...csvRecords(textChunks(file))]).toEqual([...csvRecords(readText(file).text)]);
  });

  test('records read from pieces of any size are those of the whole text, broken ones included', () => {
    const text = 'a,b\r\n"x\r\ny",2\n\n"q""q",3\r\n"bad"x,4\nlast,"unclosed\n';
    const whole = [...csvRecords(text)];
    expect(whole.map((record) => record.line)).toEqual([1, 2, 5, 6, 7]);
    for (const size of [1, 2, 3, 5, 8]) {
      const pieces = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
      expect([...csvRecords(pieces)]).toEqual(whole);
      expect([...csvRecords(pieces, true)].map((record) => record.text)).toEqual([
        'a,b',
        '"x\ny",2',
        '"q""q",3',
        '"bad"x,4',
        'last,"unclosed',
      ]);
    }
  });

  test('missing columns are all listed', () => {
    const file = write('header.csv', 'a\n1\n');
    const rows = readCsv(file);
    try {
      requireColumns('header.csv', rows, ['a', 'b', 'c']);
      throw new Error('expected a rejection');
    } catch (error) {
      expect((error as ImportError).problems.map((p) => p.field)).toEqual(['b', 'c']);
    }
  });
});
