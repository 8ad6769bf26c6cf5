import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { moneyColumn, type Money } from '../../kit/money';

const money = { type: 'bigint', nullable: true, transformer: moneyColumn } as const;
const key = { type: 'varchar', nullable: true } as const;

/**
 * Budget lines pre-summed by one grouping of the `spending` dimensions (a grouping set, named in `grouping`), per
 * fiscal year: every aggregate reads these cells instead of the lines (at worst the finest ones). Each budget import
 * rewrites the cells of the fiscal years it changed from the stored lines, in its own transaction, so they are always
 * exact.
 * Columns of dimensions outside the row's grouping are null. Not exposed in GraphQL.
 */
@Entity('spending_rollup')
@Index(['grouping', 'fiscalYear'])
export class SpendingRollup {
  @PrimaryGeneratedColumn()
  id: number;

  /** The dimensions this row is grouped by, in SpendingDimension order joined by ",": e.g. `STATE,CHAPTER`. */
  @Column({ type: 'varchar' })
  grouping: string;

  @Column({ type: 'integer' })
  fiscalYear: number;

  @Column(key) stateId: string | null;
  @Column(key) geography: string | null;
  @Column(key) ramoCode: string | null;
  @Column(key) ramoName: string | null;
  @Column(key) institutionId: string | null;
  @Column(key) unitName: string | null;
  @Column(key) programId: string | null;
  @Column(key) modalityCode: string | null;
  @Column(key) modalityName: string | null;
  @Column(key) chapterCode: string | null;
  @Column(key) chapterName: string | null;
  @Column(key) conceptCode: string | null;
  @Column(key) conceptName: string | null;
  @Column(key) genericItemCode: string | null;
  @Column(key) genericItemName: string | null;
  @Column(key) fundingSourceCode: string | null;
  @Column(key) fundingSourceName: string | null;
  @Column(key) expenseTypeCode: string | null;
  @Column(key) expenseTypeName: string | null;
  @Column(key) functionCode: string | null;
  @Column(key) functionName: string | null;

  @Column(money) approved: Money | null;
  @Column(money) modified: Money | null;
  @Column(money) committed: Money | null;
  @Column(money) accrued: Money | null;
  @Column(money) exercised: Money | null;
  @Column(money) paid: Money | null;

  @Column({ type: 'integer' }) lineCount: number;
  @Column({ type: 'integer' }) sampleLines: number;
}
