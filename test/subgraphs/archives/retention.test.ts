import { FinalDisposition } from '../../../subgraphs/archives/entities/classification-series.entity';
import { RecordPhase } from '../../../subgraphs/archives/entities/record.entity';
import { addYears, phaseOn, retentionDates } from '../../../subgraphs/archives/retention';

describe('retention arithmetic', () => {
  it('adds whole years, landing 29 February on 28 February in common years', () => {
    expect(addYears('2017-07-26', 5)).toBe('2022-07-26');
    expect(addYears('2016-02-29', 1)).toBe('2017-02-28');
    expect(addYears('2016-02-29', 4)).toBe('2020-02-29');
  });

  it('derives the transfer and disposition dates from closing date and retention; none while open', () => {
    expect(retentionDates('2018-12-31', { activeYears: 2, semiActiveYears: 3 })).toEqual({
      transferDueOn: '2020-12-31',
      dispositionDueOn: '2023-12-31',
    });
    expect(retentionDates(null, { activeYears: 2, semiActiveYears: 3 })).toEqual({ transferDueOn: null, dispositionDueOn: null });
  });

  it('changes phase on the due dates themselves', () => {
    const dates = retentionDates('2018-12-31', { activeYears: 2, semiActiveYears: 3 });
    expect(phaseOn('2020-12-30', dates, FinalDisposition.DESTROY)).toBe(RecordPhase.ACTIVE);
    expect(phaseOn('2020-12-31', dates, FinalDisposition.DESTROY)).toBe(RecordPhase.SEMI_ACTIVE);
    expect(phaseOn('2023-12-30', dates, FinalDisposition.DESTROY)).toBe(RecordPhase.SEMI_ACTIVE);
    expect(phaseOn('2023-12-31', dates, FinalDisposition.DESTROY)).toBe(RecordPhase.DISPOSED);
    expect(phaseOn('2023-12-31', dates, FinalDisposition.PRESERVE)).toBe(RecordPhase.HISTORICAL);
    expect(phaseOn('2023-12-31', dates, FinalDisposition.SAMPLE)).toBe(RecordPhase.HISTORICAL);
    expect(phaseOn('2099-01-01', retentionDates(null, { activeYears: 2, semiActiveYears: 3 }), FinalDisposition.DESTROY)).toBe(
      RecordPhase.ACTIVE,
    );
  });
});
