import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { REAL_PESOS_METHOD } from '../queries/real-pesos.query';

/** A moment of the spending chain to order cells by. */
export enum ChainMoment {
  APPROVED = 'APPROVED',
  MODIFIED = 'MODIFIED',
  COMMITTED = 'COMMITTED',
  ACCRUED = 'ACCRUED',
  EXERCISED = 'EXERCISED',
  PAID = 'PAID',
}

registerEnumType(ChainMoment, {
  name: 'ChainMoment',
  description: 'A moment of the spending chain (*momento contable del gasto*).',
  valuesConfig: {
    APPROVED: { description: 'Approved (*aprobado*).' },
    MODIFIED: { description: 'Modified (*modificado*).' },
    COMMITTED: { description: 'Committed (*comprometido*).' },
    ACCRUED: { description: 'Accrued (*devengado*).' },
    EXERCISED: { description: 'Exercised (*ejercido*).' },
    PAID: { description: 'Paid (*pagado*).' },
  },
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort direction (*orden*).',
  valuesConfig: {
    ASC: { description: 'Smallest first (*ascendente*).' },
    DESC: { description: 'Largest first (*descendente*).' },
  },
});

@InputType({
  description: "Which budget lines an aggregate sums; every given list must contain the line's value (lists are ORed, criteria ANDed).",
})
export class SpendingFilter {
  @Field(() => [Int], { nullable: true, description: 'Fiscal years (*ciclos*).' })
  fiscalYears?: number[] | null;

  @Field(() => [ID], { nullable: true, description: 'States (*entidades federativas*) by INEGI code, e.g. `29`.' })
  states?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Ramos (*ramos*) by code, e.g. `33` (one digit is padded).' })
  ramos?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Responsible units (*unidades responsables*) by institution id, `MX-CPA-…`.' })
  institutions?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Budget programs (*programas presupuestarios*) by id, e.g. `2018:33I005`.' })
  programs?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Program modalities (*modalidades*), e.g. `S`.' })
  modalities?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Chapters (*capítulos*), e.g. `3000`.' })
  chapters?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Concepts (*conceptos*), e.g. `3700`.' })
  concepts?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Generic items (*partidas genéricas*), e.g. `379`.' })
  genericItems?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Funding sources (*fuentes de financiamiento*) by code.' })
  fundingSources?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Expense types (*tipos de gasto*) by code.' })
  expenseTypes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Functions (*funciones*) by code.' })
  functions?: string[] | null;
}

@InputType({ description: "How to order cells (*orden*): by a moment's sum, or by the grouping keys when no moment is given." })
export class SpendingOrder {
  @Field(() => ChainMoment, {
    nullable: true,
    description: 'The moment whose sum orders the cells (cells without a figure come last); null orders by key.',
  })
  moment?: ChainMoment | null;

  @Field(() => SortDirection, { nullable: true, description: 'Direction; ascending unless given.' })
  direction?: SortDirection | null;
}

/** The `inPesosOf` argument of the aggregates whose figures are spending-chain moments. */
export const IN_PESOS_OF = `Express the amounts in real pesos of this year (*pesos constantes*): ${REAL_PESOS_METHOD}. A year whose twelve monthly index values are not loaded is a BAD_USER_INPUT error. The figures are flagged IN_REAL_PESOS and carry \`derived\`.`;
