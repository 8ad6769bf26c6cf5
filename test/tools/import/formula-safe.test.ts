import { formulaSafe } from '../../../common/csv';
import { formulaSafeRecord } from '../../../tools/import/formula-safe';

describe('formula-safe cells for the rejects file', () => {
  test.each([
    ['=HYPERLINK("http://example.invalid","clic")', `'=HYPERLINK("http://example.invalid","clic")`],
    ['+cmd|calc', "'+cmd|calc"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['-', "'-"],
    // The rest of OWASP's list: the full-width signs, whatever follows (a full-width sign is never a plain number).
    ['＝HYPERLINK("http://example.invalid")', `'＝HYPERLINK("http://example.invalid")`],
    ['＋cmd|calc', "'＋cmd|calc"],
    ['－12.50', "'－12.50"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['\t-12.50', "'\t-12.50"],
    ['\0=1', "'\0=1"],
  ])('neutralises %p', (cell, safe) => {
    expect(formulaSafe(cell)).toBe(safe);
  });

  test.each(['-12.50', '+3', '-1,234.5', '1e5', '-0.0001', 'Tlaxcala', '', '12=3', 'a@b.mx'])('leaves %p as it is', (cell) => {
    expect(formulaSafe(cell)).toBe(cell);
  });

  test('a record is copied byte for byte unless a cell needs neutralising, then rewritten cell by cell', () => {
    expect(formulaSafeRecord('2017,"quoted, as published",-12.50')).toBe('2017,"quoted, as published",-12.50');
    expect(formulaSafeRecord('2017,"=1+1, then",-12.50')).toBe(`2017,"'=1+1, then",-12.50`);
    // Broken quoting: split at every comma, as a spreadsheet opening it would.
    expect(formulaSafeRecord('2017,"open,=cmd')).toBe(`2017,"""open",'=cmd`);
    expect(formulaSafeRecord('2017,＝1+1,\t@x')).toBe(`2017,'＝1+1,'\t@x`);
  });
});
