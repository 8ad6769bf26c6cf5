import { registerEnumType } from 'type-graphql';

/*
 * The spending enums two subgraphs declare: budgets computes them, and archives reads them through `@requires` to
 * weigh payments against their records (documentation coverage). One definition, so the two SDLs cannot disagree.
 */

export enum SpendingMoment {
  COMMITTED = 'COMMITTED',
  ACCRUED = 'ACCRUED',
  EXERCISED = 'EXERCISED',
  PAID = 'PAID',
}

registerEnumType(SpendingMoment, {
  name: 'SpendingMoment',
  description: 'The budget moment (*momento contable*) a transaction records.',
  valuesConfig: {
    COMMITTED: { description: 'Committed (*comprometido*).' },
    ACCRUED: { description: 'Accrued (*devengado*).' },
    EXERCISED: { description: 'Exercised (*ejercido*).' },
    PAID: { description: 'Paid (*pagado*).' },
  },
});

export enum SpendingFlag {
  EXERCISED_OVER_MODIFIED = 'EXERCISED_OVER_MODIFIED',
  PAID_OVER_EXERCISED = 'PAID_OVER_EXERCISED',
  NOTHING_EXERCISED = 'NOTHING_EXERCISED',
  NO_LINES_IN_SCOPE = 'NO_LINES_IN_SCOPE',
  SCOPE_FINER_THAN_DATA = 'SCOPE_FINER_THAN_DATA',
  NO_ALLOCATIONS = 'NO_ALLOCATIONS',
  SAMPLE_DATA = 'SAMPLE_DATA',
  IN_REAL_PESOS = 'IN_REAL_PESOS',
}

registerEnumType(SpendingFlag, {
  name: 'SpendingFlag',
  description: 'Something a reader of a spending chain should know before quoting its figures.',
  valuesConfig: {
    EXERCISED_OVER_MODIFIED: { description: 'More was exercised (*ejercido*) than the modified budget (*modificado*) allows.' },
    PAID_OVER_EXERCISED: { description: 'More was paid (*pagado*) than exercised (*ejercido*).' },
    NOTHING_EXERCISED: { description: 'A modified budget above zero of which nothing was exercised (*ejercido* = 0).' },
    NO_LINES_IN_SCOPE: { description: 'The dataset holds no budget line in this scope: the amounts are null, not zero.' },
    SCOPE_FINER_THAN_DATA: {
      description:
        'The scope (a municipality) is finer than the budget data (states at most): the amounts are null rather than a wider total.',
    },
    NO_ALLOCATIONS: { description: 'No budget program is allocated (*asignado*) to this commitment.' },
    SAMPLE_DATA: { description: 'The figures sum a random sample of the source file (1 %), not the whole budget.' },
    IN_REAL_PESOS: {
      description: 'Derived figures: the amounts are in real pesos (*pesos constantes*) of another year, not as published (see `derived`).',
    },
  },
});
