import { formatMoney, MONEY_MAX, MoneyScalar, parseMoney, readMoney, toMoney } from '../../../subgraphs/kit/money';

describe('exact money', () => {
  test.each([
    ['12228718.00', 122287180000n],
    ['1109.9', 11099000n],
    ['0.07', 700n],
    ['-15', -150000n],
    ['873745524', 8737455240000n],
    ['1095187.984', 10951879840n],
    ['3899945.4192', 38999454192n],
    ['12.500000', 125000n],
    ['922337203685477.5807', 9223372036854775807n],
    ['-922337203685477.5807', -9223372036854775807n],
  ])('parses %s into ten-thousandths of a peso', (text, units) => {
    expect(parseMoney(text)).toBe(units);
  });

  test.each(['1,234.5x', '12.', '.5', '', 'abc', '1e5', '1 000'])('refuses %p as no amount', (text) => {
    expect(readMoney(text)).toMatch(/is not an amount/);
  });

  test('refuses what storage cannot hold exactly, saying why', () => {
    expect(readMoney('12.34567')).toMatch(/has 5 decimals/);
    expect(readMoney('922337203685477.5808')).toMatch(/out of range/);
    expect(readMoney('99999999999999999999.99')).toMatch(/out of range/);
    // The column also holds −2⁶³, but the documented range is symmetric.
    expect(readMoney('-922337203685477.5808')).toMatch(/out of range: .* from -922337203685477\.5807 to 922337203685477\.5807$/);
    expect(parseMoney('-922337203685477.5809')).toBeNull();
  });

  test('formats two decimals, or three or four when the amount has them, sign included', () => {
    expect(formatMoney(122287180000n)).toBe('12228718.00');
    expect(formatMoney(-500n)).toBe('-0.05');
    expect(formatMoney(10951879840n)).toBe('1095187.984');
    expect(formatMoney(38999454192n)).toBe('3899945.4192');
    expect(formatMoney(1n)).toBe('0.0001');
    expect(formatMoney(125000n)).toBe('12.50');
    expect(formatMoney(MONEY_MAX)).toBe('922337203685477.5807');
    // A sum may exceed one column's range and is still written exactly.
    expect(formatMoney(MONEY_MAX * 3n)).toBe('2767011611056432.7421');
  });

  test('reads driver values exactly and refuses numbers that lost precision', () => {
    expect(toMoney('9007199254740993')).toBe(9007199254740993n);
    expect(toMoney(42)).toBe(42n);
    expect(toMoney(9007199254740993n)).toBe(9007199254740993n);
    expect(toMoney(null)).toBeNull();
    expect(() => toMoney(2 ** 60)).toThrow(/inexact/);
    expect(() => toMoney(1.5)).toThrow();
  });

  test('the scalar serializes exact amounts and parses decimal strings only', () => {
    expect(MoneyScalar.serialize(11099000n)).toBe('1109.90');
    expect(MoneyScalar.serialize(10951879840n)).toBe('1095187.984');
    expect(MoneyScalar.parseValue('1500.5')).toBe(15005000n);
    expect(MoneyScalar.parseValue('0.0001')).toBe(1n);
    expect(() => MoneyScalar.parseValue(1500.5)).toThrow(/decimal string/);
    expect(() => MoneyScalar.parseValue('0.00001')).toThrow(/5 decimals/);
  });
});
