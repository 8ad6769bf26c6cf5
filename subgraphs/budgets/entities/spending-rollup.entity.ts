import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { centavosColumn, type Centavos } from '../../kit/money';

const money = { type: 'bigint', nullable: true, transformer: centavosColumn } as const;
const key = { type: 'varchar', nullable: true } as const;

/**
 * Budget lines pre-summed by one grouping of the `spending` dimensions (a grouping set, named in `grouping`), per
 * fiscal year: an aggregate the rollups cover reads these cells instead of the lines. Each budget import rewrites the
 * cells of the fiscal years it touched from the stored lines, in its own transaction, so they are always exact.
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

  @Column(money) approved: Centavos | null;
  @Column(money) modified: Centavos | null;
  @Column(money) committed: Centavos | null;
  @Column(money) accrued: Centavos | null;
  @Column(money) exercised: Centavos | null;
  @Column(money) paid: Centavos | null;

  @Column({ type: 'integer' }) lineCount: number;
  @Column({ type: 'integer' }) sampleLines: number;
}
