import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Documentation, paymentsAmong } from '../entities/documentation.object';
import { ArchivalRecord } from '../entities/record.entity';
import { RecordSubjectKind } from '../entities/record-subject.entity';
import { Contract } from '../entities/federated.stubs';
import { documentationOf, recordsDocumenting } from '../loaders';

@Resolver(() => Contract)
export class ContractResolver {
  @FieldResolver(() => [ArchivalRecord], {
    nullable: true,
    description:
      'PUBLIC archival records (*expedientes*) that document this contract, in id order; a RESERVED or CONFIDENTIAL one is not listed, as its subjects are not disclosed. Null only while the archives subgraph is unavailable.',
  })
  records(@Root() contract: Contract, @Ctx() ctx: SubgraphContext): Promise<ArchivalRecord[]> {
    return recordsDocumenting(ctx, RecordSubjectKind.CONTRACT, contract.id);
  }

  @Directive('@requires(fields: "transactions { id moment amount }")')
  @FieldResolver(() => Documentation, {
    nullable: true,
    description:
      'Documentation coverage (*cobertura documental*) of its payments (PAID transactions): the paid pesos documented by a ' +
      'public record of the payment or of this contract, so that a public record of the contract documents all its payments. ' +
      'Null while the budgets or archives subgraph is unavailable.',
  })
  documentation(@Root() contract: Contract, @Ctx() ctx: SubgraphContext): Promise<Documentation> | null {
    if (!contract.transactions) return null;
    return documentationOf(
      ctx,
      paymentsAmong(contract.transactions, () => contract.id),
    );
  }
}
