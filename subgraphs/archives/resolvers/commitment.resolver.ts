import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Documentation, paymentsAmong } from '../entities/documentation.object';
import { ArchivalRecord } from '../entities/record.entity';
import { RecordSubjectKind } from '../entities/record-subject.entity';
import { Commitment, SpendingChain } from '../entities/federated.stubs';
import { documentationOf, recordsDocumenting } from '../loaders';

@Resolver(() => Commitment)
export class CommitmentResolver {
  @FieldResolver(() => [ArchivalRecord], {
    nullable: true,
    description:
      'PUBLIC archival records (*expedientes*) that document this commitment, in id order; a RESERVED or CONFIDENTIAL one is not listed, as its subjects are not disclosed. Null only while the archives subgraph is unavailable.',
  })
  records(@Root() commitment: Commitment, @Ctx() ctx: SubgraphContext): Promise<ArchivalRecord[]> {
    return recordsDocumenting(ctx, RecordSubjectKind.COMMITMENT, commitment.id);
  }

  /** Budgets' field, declared with its argument so that `documentation` can require `funding { flags }`. */
  @Directive('@external')
  @FieldResolver(() => SpendingChain, { nullable: true, description: 'The money behind the commitment (budgets subgraph).' })
  funding(
    @Root() commitment: Commitment,
    @Arg('inPesosOf', () => Int, { nullable: true, description: 'Express the amounts in real pesos of this year (*pesos constantes*).' })
    _inPesosOf: number | null,
  ): SpendingChain | null {
    return commitment.funding ?? null;
  }

  @Directive('@requires(fields: "transactions { id moment amount contract { id } } funding { flags }")')
  @FieldResolver(() => Documentation, {
    nullable: true,
    description:
      'Documentation coverage (*cobertura documental*) of the payments of the contracts charged to its allocated programs (its ' +
      '`transactions` that are PAID): the paid pesos documented by a public record of the payment or of its contract. The ' +
      "commitment's own records do not count, as a record about the whole commitment proves no given payment. Carries the " +
      "funding chain's EXERCISED_OVER_MODIFIED, PAID_OVER_EXERCISED and NOTHING_EXERCISED. Null while the budgets or archives subgraph is unavailable.",
  })
  documentation(@Root() commitment: Commitment, @Ctx() ctx: SubgraphContext): Promise<Documentation> | null {
    if (!commitment.transactions) return null;
    const payments = paymentsAmong(commitment.transactions, (transaction) => transaction.contract.id);
    return documentationOf(ctx, payments, commitment.funding?.flags ?? []);
  }
}
