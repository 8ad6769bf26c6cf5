import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { moneyColumn, formatMoney, MoneyScalar, type Money } from '../../kit/money';
import { SourceRef } from '../../kit/provenance';
import { SpendingMoment } from '../../kit/spending';
import { ContractParty, OriginalAmount } from './values.object';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A payment or budget execution record of a contract (*transacción*): an OCDS implementation transaction, or one ' +
    "budget measure (Comprometido, Devengado, Ejercido, Pagado) of a federal contract's budget breakdown.",
})
@Entity('spending_transaction')
export class Transaction {
  @Field(() => ID, {
    description:
      "Stable id `<contract id>/<transaction id or 0-based position>` (Mexico City's transaction ids are CLC numbers, *cuentas por liquidar certificadas*); for federal budget measures " +
      '`<contract id>/<program key>/<measure>`, e.g. `…/20P002/Pagado`.',
  })
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Index()
  @Column({ type: 'varchar' })
  contractId: string;

  @Index()
  @Column({ type: 'varchar', nullable: true })
  programId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Date (*fecha*), YYYY-MM-DD. Null for federal budget measures: the source records the amount per moment but no date.',
  })
  @Column({ type: 'varchar', nullable: true })
  date: string | null;

  @Field(() => SpendingMoment, { description: 'Which budget moment this records; OCDS implementation transactions are payments (PAID).' })
  @Column({ type: 'varchar' })
  moment: SpendingMoment;

  @Column({ type: 'bigint', nullable: true, transformer: moneyColumn })
  amountValue: Money | null;

  @Column({ type: 'varchar', nullable: true })
  currency: string | null;

  @Field(() => ContractParty, {
    nullable: true,
    description: "Payer (*pagador*) as published; for federal budget measures the contract's buyer.",
  })
  @Column({ type: 'simple-json', nullable: true })
  payer: ContractParty | null;

  @Field(() => ContractParty, {
    nullable: true,
    description: "Payee (*beneficiario*) as published; for federal budget measures the contract's supplier when it has exactly one.",
  })
  @Column({ type: 'simple-json', nullable: true })
  payee: ContractParty | null;

  @Field(() => SourceRef, {
    description:
      'File and JSON path of the transaction or measure; for releases merged from several files, the file that supplied its amount.',
  })
  @Column(() => SourceRef)
  source: SourceRef;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Amount (*importe*) in MXN; null when the source gives none or another currency.',
  })
  get amount(): Money | null {
    return this.currency === 'MXN' ? this.amountValue : null;
  }

  @Field(() => OriginalAmount, { nullable: true, description: 'The amount in the currency the source states.' })
  get originalAmount(): OriginalAmount | null {
    if (this.amountValue === null || this.currency === null) return null;
    return { amount: formatMoney(this.amountValue), currency: this.currency };
  }
}
