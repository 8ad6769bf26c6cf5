import { formatCentavos, MoneyScalar, parseCentavos, toCentavos } from '../../../subgraphs/kit/money';

describe('exact money', () => {
  test.each([
    ['12228718.00', 1222871800n],
    ['1109.9', 110990n],
    ['0.07', 7n],
    ['-15', -1500n],
    ['873745524', 87374552400n],
    ['92233720368547758.07', 9223372036854775807n],
  ])('parses %s into centavos', (text, centavos) => {
    expect(parseCentavos(text)).toBe(centavos);
  });

  test.each(['1,234.5x', '1.234', '12.', '.5', '', 'abc', '1e5', '1 000'])('refuses %p', (text) => {
    expect(parseCentavos(text)).toBeNull();
  });

  test('formats centavos with two decimals, sign included', () => {
    expect(formatCentavos(1222871800n)).toBe('12228718.00');
    expect(formatCentavos(-5n)).toBe('-0.05');
    expect(formatCentavos(9223372036854775807n)).toBe('92233720368547758.07');
  });

  test('reads driver values exactly and refuses numbers that lost precision', () => {
    expect(toCentavos('9007199254740993')).toBe(9007199254740993n);
    expect(toCentavos(42)).toBe(42n);
    expect(toCentavos(null)).toBeNull();
    expect(() => toCentavos(2 ** 60)).toThrow(/inexact/);
    expect(() => toCentavos(1.5)).toThrow();
  });

  test('the scalar serializes centavos and parses decimal strings only', () => {
    expect(MoneyScalar.serialize(110990n)).toBe('1109.90');
    expect(MoneyScalar.parseValue('1500.5')).toBe(150050n);
    expect(() => MoneyScalar.parseValue(1500.5)).toThrow(/decimal string/);
  });
});
