import { Field, Float, Int, ObjectType } from 'type-graphql';
import { REAL_PESOS_METHOD } from '../queries/real-pesos.query';
import { MoneyScalar, type Money } from '../../kit/money';
import { SpendingFlag } from '../../kit/spending';

/** The six moments as exact sums in ten-thousandths of a peso; null where no line in scope has a figure. */
export interface Moments {
  approved: Money | null;
  modified: Money | null;
  committed: Money | null;
  accrued: Money | null;
  exercised: Money | null;
  paid: Money | null;
}

export const NO_MOMENTS: Moments = { approved: null, modified: null, committed: null, accrued: null, exercised: null, paid: null };

@ObjectType({
  description:
    'How figures were derived from the published ones, so that they are never passed off as source figures (*cifras derivadas*).',
})
export class DerivedFigures {
  @Field(() => Int, { description: 'The year whose pesos the figures are in (*pesos constantes de*): the `inPesosOf` asked for.' })
  inPesosOf: number;

  @Field({ description: 'How they were computed (*método*).' })
  method: string;
}

@ObjectType({
  description:
    'The budget moments (*momentos contables del gasto*) of a set of budget lines, summed exactly. A moment is null ' +
    'when no line in scope has a figure for it (the source publishes only some moments per year), never a guessed zero.',
})
export class SpendingChain {
  @Field(() => MoneyScalar, { nullable: true, description: 'Approved (*aprobado*): the budget as passed by Congress (monto_aprobado).' })
  approved: Money | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Modified (*modificado*): the approved budget after in-year adjustments (monto_modificado).',
  })
  modified: Money | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      'Committed (*comprometido*): legally committed amounts. The SHCP open budget file does not publish this moment, so it is null for budget lines.',
  })
  committed: Money | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Accrued (*devengado*): obligations recognised on receipt of goods and services (monto_devengado).',
  })
  accrued: Money | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      'Exercised (*ejercido*): monto_ejercido where the file has it (payment orders issued, published 2008–2013); otherwise ' +
      "monto_ejercicio (*ejercicio*), which SHCP publishes instead from 2014 on and defines as paid plus the year's debts " +
      '(ADEFAS) paid in the following year. The raw *ejercicio* figure is also on `BudgetLine.exercise`.',
  })
  exercised: Money | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Paid (*pagado*): obligations settled by payment (monto_pagado).' })
  paid: Money | null;

  @Field(() => Int, { description: 'How many budget lines the figures sum (0 when none is in scope).' })
  lineCount: number;

  /** Flags that come from the scope rather than from the figures (set by whoever builds the chain). */
  scopeFlags: SpendingFlag[];

  /** How many of the summed lines come from a sampled dataset. */
  sampleLines: number;

  /** The base year when the amounts were deflated to real pesos; null for figures as published. */
  inPesosOf: number | null = null;

  @Field(() => DerivedFigures, {
    nullable: true,
    description: `Set when the amounts are derived rather than as published: real pesos of \`inPesosOf\` (${REAL_PESOS_METHOD}).`,
  })
  get derived(): DerivedFigures | null {
    return this.inPesosOf === null ? null : { inPesosOf: this.inPesosOf, method: REAL_PESOS_METHOD };
  }

  @Field(() => Float, {
    nullable: true,
    description: 'Execution rate (*avance del ejercicio*): exercised / modified; null when either is null or modified is zero.',
  })
  get executionRate(): number | null {
    if (this.exercised === null || this.modified === null || this.modified === 0n) return null;
    return Number(this.exercised) / Number(this.modified);
  }

  @Field(() => [SpendingFlag], { description: 'Caveats about these figures (see SpendingFlag).' })
  get flags(): SpendingFlag[] {
    const flags = [...this.scopeFlags];
    const explained = flags.includes(SpendingFlag.SCOPE_FINER_THAN_DATA) || flags.includes(SpendingFlag.NO_ALLOCATIONS);
    if (this.lineCount === 0 && !explained) flags.push(SpendingFlag.NO_LINES_IN_SCOPE);
    const { exercised, modified, paid } = this;
    if (exercised !== null && modified !== null && exercised > modified) flags.push(SpendingFlag.EXERCISED_OVER_MODIFIED);
    if (paid !== null && exercised !== null && paid > exercised) flags.push(SpendingFlag.PAID_OVER_EXERCISED);
    if (exercised === 0n && modified !== null && modified > 0n) flags.push(SpendingFlag.NOTHING_EXERCISED);
    if (this.sampleLines > 0) flags.push(SpendingFlag.SAMPLE_DATA);
    if (this.inPesosOf !== null) flags.push(SpendingFlag.IN_REAL_PESOS);
    return [...new Set(flags)];
  }

  static of(moments: Moments, lineCount: number, sampleLines: number, scopeFlags: SpendingFlag[] = []): SpendingChain {
    const chain = new SpendingChain();
    Object.assign(chain, moments);
    chain.lineCount = lineCount;
    chain.sampleLines = sampleLines;
    chain.scopeFlags = scopeFlags;
    return chain;
  }

  /** A chain with no figures: nothing in scope, or a scope the data cannot resolve. */
  static empty(scopeFlags: SpendingFlag[] = []): SpendingChain {
    return SpendingChain.of(NO_MOMENTS, 0, 0, scopeFlags);
  }
}
