import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { moneyColumn, formatMoney, MoneyScalar, type Money } from '../../kit/money';
import { SourceRef } from '../../kit/provenance';
import { ProcedureKind } from './procedure-kind.enums';
import type { StoredRedFlagStatus } from './red-flag.object';
import type { RedFlagFigures } from './red-flag.methodology';
import { ContractParty, OriginalAmount } from './values.object';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A public contract (*contrato*) from an Open Contracting Data Standard (OCDS) publication or from the SFP's " +
    'CompraNet contracts file.',
})
@Entity('contract')
export class Contract {
  @Field(() => ID, {
    description:
      'Stable id `<ocid>/<contracts[].id>`, or `<ocid>/<position>` (0-based) when the contract has no id; for CompraNet ' +
      '`compranet-<file year>/<CODIGO_CONTRATO>`, e.g. `compranet-2018/1713253`.',
  })
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Field(() => String, {
    nullable: true,
    description: 'Open contracting process id (*ocid*); null for CompraNet contracts, which have none.',
  })
  @Column({ type: 'varchar', nullable: true })
  ocid: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Procurement procedure number (*número de procedimiento*) as published, e.g. `LA-011000999-E177-2017` (CompraNet).',
  })
  @Column({ type: 'varchar', nullable: true })
  procedureNumber: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Procedure type (*tipo de procedimiento*) as published, e.g. "Licitación Pública", "Adjudicación Directa Federal" (CompraNet).',
  })
  @Column({ type: 'varchar', nullable: true })
  procedureType: string | null;

  @Field(() => ProcedureKind, {
    nullable: true,
    description:
      'Procedure kind normalised to the OCDS codelist: OCDS `tender.procurementMethod`, or CompraNet TIPO_PROCEDIMIENTO; null when the source states neither.',
  })
  @Index()
  @Column({ type: 'varchar', nullable: true })
  procedureKind: ProcedureKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'Contract status (*estatus del contrato*) as published: "Activo", "Expirado" or "Terminado" (CompraNet).',
  })
  @Column({ type: 'varchar', nullable: true })
  status: string | null;

  @Field(() => String, { nullable: true, description: 'Title (*título*) as published.' })
  @Column({ type: 'varchar', nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true, description: 'Description (*descripción*) as published.' })
  @Column({ type: 'varchar', nullable: true })
  description: string | null;

  @Index()
  @Column({ type: 'varchar', nullable: true })
  buyerId: string | null;

  @Field(() => ContractParty, { nullable: true, description: 'The buyer (*comprador*) exactly as the source names it.' })
  @Column({ type: 'simple-json', nullable: true })
  buyerAsPublished: ContractParty | null;

  @Field(() => [ContractParty], { description: 'Suppliers (*proveedores*) as published.' })
  @Column({ type: 'simple-json' })
  suppliers: ContractParty[];

  @Column({ type: 'bigint', nullable: true, transformer: moneyColumn })
  valueAmount: Money | null;

  @Column({ type: 'varchar', nullable: true })
  valueCurrency: string | null;

  @Field(() => String, { nullable: true, description: 'Date signed (*fecha de firma*), YYYY-MM-DD.' })
  @Column({ type: 'varchar', nullable: true })
  signedOn: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Start of the contract period (*fecha de inicio*), YYYY-MM-DD: CompraNet FECHA_INICIO, OCDS `contracts.period.startDate`.',
  })
  @Column({ type: 'varchar', nullable: true })
  startsOn: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Fiscal year the contract is charged to: the budget year the release states (INAI `planning.budget.anio`), else ' +
      'the year the contract period starts, else the year it was signed.',
  })
  @Index()
  @Column({ type: 'integer', nullable: true })
  fiscalYear: number | null;

  @Field(() => [String], {
    description:
      'Program keys the source names for this contract (OCDS budgetBreakdown ids; CompraNet: the first six characters of ' +
      'CLAVE_PROGRAMA when they are a key, `16K007-P INFRA…` → `16K007`), e.g. `20P002`.',
  })
  @Column({ type: 'simple-json' })
  programKeys: string[];

  /*
   * The red-flag checks (docs/red-flags.md) live on the contract row, written with it by the importers' bulk insert: a
   * row per check cost the import several times the contracts' own write. Null is UNKNOWN (the fields were not
   * published), never "clean"; red-flag.columns.ts maps each flag to its column.
   */
  @Column({ type: 'varchar', nullable: true })
  shortSubmissionFlag: StoredRedFlagStatus | null;

  @Column({ type: 'varchar', nullable: true })
  singleBidderFlag: StoredRedFlagStatus | null;

  @Column({ type: 'varchar', nullable: true })
  startedBeforeSignedFlag: StoredRedFlagStatus | null;

  @Column({ type: 'varchar', nullable: true })
  amendedFlag: StoredRedFlagStatus | null;

  /** Decided at each import against every stored contract (a new contract can repeat an older one): red-flags.write.ts. */
  @Column({ type: 'varchar', nullable: true })
  repeatedDirectAwardFlag: StoredRedFlagStatus | null;

  /** The figures of each checked per-contract flag, by code; REPEATED_DIRECT_AWARD's are read from the other contracts. */
  @Column({ type: 'simple-json', nullable: true })
  redFlagFigures: Partial<Record<string, RedFlagFigures>> | null;

  @Field(() => SourceRef, {
    description: 'File and JSON path of the contract; for releases merged from several files, the file that supplied its value.',
  })
  @Column(() => SourceRef)
  source: SourceRef;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      'Value (*monto del contrato*) in MXN: `value`, or `valueWithTax` in federal records that publish only that. Null ' +
      'when the source gives none or states another currency (see `originalValue`).',
  })
  get value(): Money | null {
    return this.valueCurrency === 'MXN' ? this.valueAmount : null;
  }

  @Field(() => OriginalAmount, { nullable: true, description: 'The value in the currency the source states.' })
  get originalValue(): OriginalAmount | null {
    if (this.valueAmount === null || this.valueCurrency === null) return null;
    return { amount: formatMoney(this.valueAmount), currency: this.valueCurrency };
  }
}
