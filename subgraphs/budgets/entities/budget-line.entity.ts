import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { moneyColumn, MoneyScalar, type Money } from '../../kit/money';
import { SourceRef } from '../../kit/provenance';
import { SpendingChain } from './spending-chain.object';
import { budgetCode, BudgetCode, FunctionalClassification, ObjectOfExpenditure } from './values.object';

/** Datasets that are random samples of a larger file: their sums carry the SAMPLE_DATA flag. */
export const SAMPLE_DATASETS = ['shcp-pef-2018-sample', 'shcp-pef-2017-sample'];

const money = { type: 'bigint', nullable: true, transformer: moneyColumn } as const;

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'One row of the SHCP open budget file (*Presupuesto de Egresos de la Federación*, OFDP format): the amounts of one ' +
    'full budget key (*clave presupuestaria*) — program, responsible unit, state, object of expenditure, funding source.',
})
@Entity('budget_line')
@Index(['programId', 'stateId'])
// Each budgetLines filter column but the year leads an index that ends with the id, so a filtered page is an index
// range read in id order (keyset pagination), not every matching line sorted to return the first hundred.
@Index(['programId', 'id'])
@Index(['ramoInstitutionId', 'id'])
@Index(['institutionId', 'id'])
@Index(['stateId', 'id'])
@Index(['chapterCode', 'id'])
export class BudgetLine {
  @Field(() => ID, {
    description:
      'Stable id: `<fiscal year>:` followed by every classifier of the row joined by "." (ramo, unit, functional group, ' +
      'function, subfunction, activity, modality, program, chapter, concept, generic item, specific item, expense type, ' +
      'funding source, state, investment-portfolio key); a classifier the file leaves empty is an empty segment.',
  })
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Field(() => Int, { description: 'Fiscal year (*ciclo*).' })
  @Index()
  @Column({ type: 'integer' })
  fiscalYear: number;

  @Column({ type: 'varchar' })
  programId: string;

  @Index()
  @Column({ type: 'varchar' })
  ramoCode: string;

  @Column({ type: 'varchar' })
  ramoInstitutionId: string;

  @Column({ type: 'varchar' })
  institutionId: string;

  @Column({ type: 'varchar' }) unitCode: string;
  @Column({ type: 'varchar' }) unitName: string;

  @Column({ type: 'varchar', nullable: true })
  stateId: string | null;

  @Field({
    description:
      'Geography as published (*entidad federativa*): the state name, "En el Extranjero" (abroad, code 33) or ' +
      '"No Distribuible Geográficamente" (not geographically distributable, code 34); for 33 and 34 `state` is null.',
  })
  @Column({ type: 'varchar' })
  geography: string;

  @Column({ type: 'varchar' }) functionalGroupCode: string;
  @Column({ type: 'varchar' }) functionalGroupName: string;
  @Index()
  @Column({ type: 'varchar' })
  functionCode: string;

  @Column({ type: 'varchar' }) functionName: string;
  @Column({ type: 'varchar' }) subfunctionCode: string;
  @Column({ type: 'varchar' }) subfunctionName: string;
  @Column({ type: 'varchar' }) activityCode: string;
  @Column({ type: 'varchar' }) activityName: string;

  @Column({ type: 'varchar', nullable: true })
  chapterCode: string | null;

  @Column({ type: 'varchar', nullable: true }) chapterName: string | null;
  @Index()
  @Column({ type: 'varchar', nullable: true })
  conceptCode: string | null;

  @Column({ type: 'varchar', nullable: true }) conceptName: string | null;
  @Index()
  @Column({ type: 'varchar', nullable: true })
  genericItemCode: string | null;

  @Column({ type: 'varchar', nullable: true }) genericItemName: string | null;
  @Column({ type: 'varchar', nullable: true }) specificItemCode: string | null;
  @Column({ type: 'varchar', nullable: true }) specificItemName: string | null;
  @Index()
  @Column({ type: 'varchar' })
  fundingSourceCode: string;

  @Column({ type: 'varchar' }) fundingSourceName: string;
  @Index()
  @Column({ type: 'varchar' })
  expenseTypeCode: string;

  @Column({ type: 'varchar' }) expenseTypeName: string;

  @Field({ description: 'Investment-portfolio key (*clave de cartera*) of a registered investment project; zeros when none.' })
  @Column({ type: 'varchar' })
  portfolioKey: string;

  @Column(money) approved: Money | null;
  @Column(money) modified: Money | null;
  @Column(money) committed: Money | null;
  @Column(money) accrued: Money | null;
  @Column(money) exercised: Money | null;
  @Column(money) paid: Money | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "Year-end exercise (*ejercicio*, monto_ejercicio) exactly as published: paid plus the year's debts (ADEFAS) paid in " +
      'the following year (SHCP dictionary). Used as `amounts.exercised` when the file has no monto_ejercido.',
  })
  @Column(money)
  exercise: Money | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      'ADEFAS (*adeudos de ejercicios fiscales anteriores*): accrued but unpaid at year end (monto_adefas); null where the file has no figure.',
  })
  @Column(money)
  adefas: Money | null;

  @Field(() => SourceRef, { description: 'The file and line this budget line was read from.' })
  @Column(() => SourceRef)
  source: SourceRef;

  @Field(() => BudgetCode, { description: 'Responsible unit (*unidad responsable*) as published: code (id_ur) and name.' })
  get responsibleUnit(): BudgetCode {
    return budgetCode(this.unitCode, this.unitName);
  }

  @Field(() => ObjectOfExpenditure, { description: 'What the money buys (*objeto del gasto*).' })
  get objectOfExpenditure(): ObjectOfExpenditure {
    const code = (value: string | null, name: string | null) => (value === null ? null : budgetCode(value, name));
    return {
      chapter: code(this.chapterCode, this.chapterName),
      concept: code(this.conceptCode, this.conceptName),
      genericItem: code(this.genericItemCode, this.genericItemName),
      specificItem: code(this.specificItemCode, this.specificItemName),
    };
  }

  @Field(() => BudgetCode, { description: 'Funding source (*fuente de financiamiento*).' })
  get fundingSource(): BudgetCode {
    return budgetCode(this.fundingSourceCode, this.fundingSourceName);
  }

  @Field(() => BudgetCode, { description: 'Expense type (*tipo de gasto*): current, capital, pensions, participations…' })
  get expenseType(): BudgetCode {
    return budgetCode(this.expenseTypeCode, this.expenseTypeName);
  }

  @Field(() => BudgetCode, { description: 'Institutional activity (*actividad institucional*).' })
  get activity(): BudgetCode {
    return budgetCode(this.activityCode, this.activityName);
  }

  @Field(() => FunctionalClassification, { description: 'Functional classification (*clasificación funcional*).' })
  get functionalClassification(): FunctionalClassification {
    return {
      group: budgetCode(this.functionalGroupCode, this.functionalGroupName),
      function: budgetCode(this.functionCode, this.functionName),
      subfunction: budgetCode(this.subfunctionCode, this.subfunctionName),
    };
  }

  @Field(() => SpendingChain, { description: 'The amounts of this line (*momentos contables*).' })
  get amounts(): SpendingChain {
    const { approved, modified, committed, accrued, exercised, paid } = this;
    const sample = SAMPLE_DATASETS.includes(this.source.dataset) ? 1 : 0;
    return SpendingChain.of({ approved, modified, committed, accrued, exercised, paid }, 1, sample);
  }
}
