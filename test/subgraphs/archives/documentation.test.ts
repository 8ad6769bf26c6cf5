import { Documentation, paymentsAmong } from '../../../subgraphs/archives/entities/documentation.object';
import { formatMoney, parseMoney } from '../../../subgraphs/kit/money';
import { SpendingFlag, SpendingMoment } from '../../../subgraphs/kit/spending';

const money = (text: string) => parseMoney(text)!;

describe('documentation coverage of a set of payments', () => {
  const sent = [
    { id: 'c1/0', moment: SpendingMoment.PAID, amount: '1095187.984' },
    { id: 'c1/1', moment: SpendingMoment.PAID, amount: '0.0001' },
    { id: 'c1/2', moment: SpendingMoment.EXERCISED, amount: '5000.00' },
    { id: 'c2/0', moment: SpendingMoment.PAID, amount: '12.30' },
    { id: 'c2/1', moment: SpendingMoment.PAID, amount: null },
  ];
  const payments = paymentsAmong(sent, (transaction) => transaction.id.split('/')[0]);

  test('weighs only PAID transactions, with their exact amounts and contracts', () => {
    expect(payments).toEqual([
      { id: 'c1/0', contractId: 'c1', amount: money('1095187.984') },
      { id: 'c1/1', contractId: 'c1', amount: 1n },
      { id: 'c2/0', contractId: 'c2', amount: money('12.30') },
      { id: 'c2/1', contractId: 'c2', amount: null },
    ]);
  });

  test('sums to the ten-thousandth, documented + undocumented = paid, and flags what it leaves out', () => {
    const documentation = Documentation.of(payments, (payment) => payment.contractId === 'c1');
    expect(formatMoney(documentation.paid)).toBe('1095200.2841');
    expect(formatMoney(documentation.documented)).toBe('1095187.9841');
    expect(formatMoney(documentation.undocumented)).toBe('12.30');
    expect(documentation.documented + documentation.undocumented).toBe(documentation.paid);
    expect(documentation.coverage).toBe(10951879841 / 10952002841);
    expect(documentation.payments).toBe(4);
    expect(documentation.undocumentedPayments).toBe(2);
    expect(documentation.flags).toEqual(['UNDOCUMENTED_PAYMENT', 'PAYMENT_WITHOUT_PESO_AMOUNT']);
  });

  test('counts a payment listed twice once', () => {
    const twice = Documentation.of([payments[0], payments[0], payments[2]], () => true);
    expect(twice.paid).toBe(money('1095187.984') + money('12.30'));
    expect(twice.payments).toBe(2);
    expect(twice.flags).toEqual([]);
  });

  test('has no coverage when nothing was paid, and carries only the chain flags about how the money moved', () => {
    const nothing = Documentation.of([], () => false, [
      SpendingFlag.NOTHING_EXERCISED,
      SpendingFlag.SAMPLE_DATA,
      SpendingFlag.PAID_OVER_EXERCISED,
      SpendingFlag.NO_LINES_IN_SCOPE,
    ]);
    expect(nothing.coverage).toBeNull();
    expect(nothing.flags).toEqual(['NOTHING_PAID', 'PAID_OVER_EXERCISED', 'NOTHING_EXERCISED']);
  });

  test('sums payments beyond one amount’s range exactly: three of 922337203685477.5807 pesos', () => {
    const largest = ['a', 'b', 'c'].map((contract) => ({
      id: `${contract}/0`,
      moment: SpendingMoment.PAID,
      amount: '922337203685477.5807',
    }));
    const documentation = Documentation.of(
      paymentsAmong(largest, (transaction) => transaction.id.split('/')[0]),
      (payment) => payment.contractId === 'a',
    );
    expect([documentation.paid, documentation.documented, documentation.undocumented].map(formatMoney)).toEqual([
      '2767011611056432.7421',
      '922337203685477.5807',
      '1844674407370955.1614',
    ]);
    expect(documentation.coverage).toBeCloseTo(1 / 3, 15);
  });

  test('refuses an amount that is not exact Money text rather than guess', () => {
    expect(() => paymentsAmong([{ id: 'x', moment: SpendingMoment.PAID, amount: '1e5' }], () => 'c')).toThrow(/1e5/);
  });
});
