import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { type Money, MoneyScalar, readMoney } from '../../kit/money';
import { SpendingFlag, SpendingMoment } from '../../kit/spending';

export enum DocumentationFlag {
  UNDOCUMENTED_PAYMENT = 'UNDOCUMENTED_PAYMENT',
  NOTHING_PAID = 'NOTHING_PAID',
  PAYMENT_WITHOUT_PESO_AMOUNT = 'PAYMENT_WITHOUT_PESO_AMOUNT',
  EXERCISED_OVER_MODIFIED = 'EXERCISED_OVER_MODIFIED',
  PAID_OVER_EXERCISED = 'PAID_OVER_EXERCISED',
  NOTHING_EXERCISED = 'NOTHING_EXERCISED',
}

registerEnumType(DocumentationFlag, {
  name: 'DocumentationFlag',
  description: 'Something a reader of a documentation coverage should know (*alerta de documentación*).',
  valuesConfig: {
    UNDOCUMENTED_PAYMENT: {
      description: 'At least one payment (*pago*) is documented by no public archival record, neither of its own nor of its contract.',
    },
    NOTHING_PAID: { description: 'No payment in pesos is known: there is nothing to document, and `coverage` is null.' },
    PAYMENT_WITHOUT_PESO_AMOUNT: {
      description: 'A payment has no amount in MXN (none published, or another currency): it is left out of the pesos, not guessed.',
    },
    EXERCISED_OVER_MODIFIED: {
      description: 'From the spending chain: more was exercised (*ejercido*) than the modified budget (*modificado*) allows.',
    },
    PAID_OVER_EXERCISED: { description: 'From the spending chain: more was paid (*pagado*) than exercised (*ejercido*).' },
    NOTHING_EXERCISED: {
      description: 'From the spending chain: a modified budget above zero of which nothing was exercised (*ejercido* = 0).',
    },
  },
});

/** The spending chain's flags that say the money did not move as budgeted, carried next to the coverage. */
const CHAIN_FLAGS: ReadonlyMap<SpendingFlag, DocumentationFlag> = new Map([
  [SpendingFlag.EXERCISED_OVER_MODIFIED, DocumentationFlag.EXERCISED_OVER_MODIFIED],
  [SpendingFlag.PAID_OVER_EXERCISED, DocumentationFlag.PAID_OVER_EXERCISED],
  [SpendingFlag.NOTHING_EXERCISED, DocumentationFlag.NOTHING_EXERCISED],
]);

/** One payment as the budgets subgraph sends it: its id, its contract and its amount in pesos (null when not in MXN). */
export interface Payment {
  id: string;
  contractId: string;
  amount: Money | null;
}

/** What a transaction looks like as budgets sends it through `@requires`: amounts as Money decimal text. */
export interface SentTransaction {
  id: string;
  moment: SpendingMoment;
  amount: string | null;
}

/** The payments (PAID transactions) among those budgets sent, each with its contract's id and its exact amount. */
export function paymentsAmong<T extends SentTransaction>(transactions: readonly T[], contractIdOf: (transaction: T) => string): Payment[] {
  return transactions
    .filter((transaction) => transaction.moment === SpendingMoment.PAID)
    .map((transaction) => ({ id: transaction.id, contractId: contractIdOf(transaction), amount: moneyOf(transaction.amount) }));
}

function moneyOf(text: string | null): Money | null {
  if (text === null) return null;
  const amount = readMoney(text);
  if (typeof amount === 'string') throw new Error(`A payment amount from budgets ${amount}: ${text}`);
  return amount;
}

const DOCUMENTED_BY = 'a PUBLIC archival record (*expediente público*) whose subjects include the payment itself or the contract it pays';

@ObjectType({
  description:
    'Documentation coverage (*cobertura documental*): how many of the paid pesos are documented by at least one public archival ' +
    `record. A payment (a PAID transaction, *pago*) counts as documented when ${DOCUMENTED_BY}. A record about the whole ` +
    'commitment or program does not count: it does not prove any given payment. A RESERVED or CONFIDENTIAL record never counts ' +
    'either, as its subjects are not disclosed by any route; its payments count as undocumented. Amounts are exact sums.',
})
export class Documentation {
  @Field(() => MoneyScalar, { description: 'Paid (*pagado*): the sum of the payments in MXN, documented or not.' })
  paid: Money;

  @Field(() => MoneyScalar, { description: `Documented (*documentado*): the paid pesos documented by ${DOCUMENTED_BY}.` })
  documented: Money;

  @Field(() => MoneyScalar, {
    description: 'Undocumented (*sin documentar*): the paid pesos no public record documents; `documented + undocumented = paid` exactly.',
  })
  undocumented: Money;

  @Field(() => Float, {
    nullable: true,
    description:
      'Coverage (*cobertura*): documented / paid, from 0 to 1 (a public record documents it); null when nothing was paid (NOTHING_PAID).',
  })
  get coverage(): number | null {
    return this.paid === 0n ? null : Number(this.documented) / Number(this.paid);
  }

  @Field(() => Int, { description: 'How many payments (*pagos*) were weighed, with or without an amount in MXN.' })
  payments: number;

  @Field(() => Int, { description: 'How many of them no public record documents (*pagos sin documentar*).' })
  undocumentedPayments: number;

  /** The spending chain's flags, when the entity has one (a contract has none). */
  chainFlags: readonly SpendingFlag[];

  private withoutPesos: boolean;

  @Field(() => [DocumentationFlag], { description: 'Caveats about this coverage (see DocumentationFlag).' })
  get flags(): DocumentationFlag[] {
    const flags: DocumentationFlag[] = [];
    if (this.undocumentedPayments > 0) flags.push(DocumentationFlag.UNDOCUMENTED_PAYMENT);
    if (this.paid === 0n) flags.push(DocumentationFlag.NOTHING_PAID);
    if (this.withoutPesos) flags.push(DocumentationFlag.PAYMENT_WITHOUT_PESO_AMOUNT);
    for (const [flag, carried] of CHAIN_FLAGS) if (this.chainFlags.includes(flag)) flags.push(carried);
    return flags;
  }

  /** Weighs each payment once (by id) against the set of documented ones; sums stay in exact ten-thousandths. */
  static of(
    payments: readonly Payment[],
    isDocumented: (payment: Payment) => boolean,
    chainFlags: readonly SpendingFlag[] = [],
  ): Documentation {
    const documentation = new Documentation();
    const unique = [...new Map(payments.map((payment) => [payment.id, payment])).values()];
    let paid = 0n;
    let documented = 0n;
    let undocumentedPayments = 0;
    for (const payment of unique) {
      const amount = payment.amount ?? 0n;
      paid += amount;
      if (isDocumented(payment)) documented += amount;
      else undocumentedPayments += 1;
    }
    Object.assign(documentation, {
      paid,
      documented,
      undocumented: paid - documented,
      payments: unique.length,
      undocumentedPayments,
      chainFlags,
      withoutPesos: unique.some((payment) => payment.amount === null),
    });
    return documentation;
  }
}
