import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Allocation } from '../entities/allocation.entity';
import { BudgetProgram } from '../entities/budget-program.entity';
import { Contract } from '../entities/contract.entity';
import { RedFlagCheck, RedFlagCoverage, RedFlagStatus } from '../entities/red-flag.object';
import { Commitment, Institution } from '../entities/federated.stubs';
import { Supplier } from '../entities/supplier.object';
import { allocationsByCommitment, contractsOfPrograms } from '../loaders';
import { otherDirectAwardsOf, redFlagsByBuyer, redFlagsBySupplier } from '../loaders/red-flag.loader';
import { contractsQuery } from '../queries/contract.query';
import { coverageCounts } from '../queries/red-flag.query';
import { ContractFilter } from './contract.input';
import { checksOf, countChecks, coverageOf } from './red-flag.views';

const COVERAGE_OF_CHARGED =
  'The red flags of the contracts charged to it (*señales de alerta*): per flag, how many could be checked and how many raise it. ' +
  'A flag is a reason to look, not a verdict.';

/** Coverage of the contracts charged to some programs, from the flags on their rows (the loaders' statements only). */
async function coverageOfPrograms(ctx: SubgraphContext, programIds: string[]): Promise<RedFlagCoverage[]> {
  const contracts = await contractsOfPrograms(ctx, programIds);
  return coverageOf(contracts.length, countChecks(contracts), ctx.config.redFlags);
}

@Resolver(() => RedFlagCoverage)
export class RedFlagCoverageResolver {
  @Query(() => [RedFlagCoverage], {
    description:
      'Red-flag coverage (*cobertura de las señales de alerta*): for each flag, of the contracts the filter selects, how many could be ' +
      'checked, how many raise it and how many could not be checked, e.g. "506 de 2,380 contratos pudieron revisarse".',
  })
  redFlagCoverage(
    @Arg('filter', () => ContractFilter, { nullable: true, description: 'Which contracts to count; all of them unless given.' })
    filter: ContractFilter | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RedFlagCoverage[]> {
    return coverageCounts(ctx.dataSource, contractsQuery(ctx.dataSource, filter)).then(({ contracts, counts }) =>
      coverageOf(contracts, counts, ctx.config.redFlags),
    );
  }
}

@Resolver(() => Contract)
export class ContractRedFlagResolver {
  @FieldResolver(() => [RedFlagCheck], {
    description:
      'Every red flag (*señal de alerta*) checked on this contract at import, with its status, figures and methodology; a flag whose ' +
      'fields the source does not publish is UNKNOWN, never clean. A flag is a reason to look, not a verdict.',
  })
  async redFlags(
    @Root() contract: Contract,
    @Arg('raisedOnly', () => Boolean, { defaultValue: false, description: 'Only the flags the contract raises.' }) raisedOnly: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RedFlagCheck[]> {
    // Only a raised REPEATED_DIRECT_AWARD reads other contracts (its figures); every other flag is on the row.
    const others = contract.repeatedDirectAwardFlag === RedFlagStatus.RAISED ? await otherDirectAwardsOf(ctx).load(contract.id) : [];
    const checks = checksOf(contract, others, ctx.config.redFlags);
    return raisedOnly ? checks.filter((check) => check.status === RedFlagStatus.RAISED) : checks;
  }
}

@Resolver(() => BudgetProgram)
export class BudgetProgramRedFlagResolver {
  @FieldResolver(() => [RedFlagCoverage], { description: COVERAGE_OF_CHARGED })
  redFlags(@Root() program: BudgetProgram, @Ctx() ctx: SubgraphContext): Promise<RedFlagCoverage[]> {
    return coverageOfPrograms(ctx, [program.id]);
  }
}

@Resolver(() => Allocation)
export class AllocationRedFlagResolver {
  @FieldResolver(() => [RedFlagCoverage], { description: `${COVERAGE_OF_CHARGED} The contracts are those of the allocated program.` })
  redFlags(@Root() allocation: Allocation, @Ctx() ctx: SubgraphContext): Promise<RedFlagCoverage[]> {
    return coverageOfPrograms(ctx, [allocation.programId]);
  }
}

@Resolver(() => Commitment)
export class CommitmentRedFlagResolver {
  @FieldResolver(() => [RedFlagCoverage], {
    nullable: true,
    description: `${COVERAGE_OF_CHARGED} The contracts are those of \`contracts\`. Null only while the budgets subgraph is unavailable.`,
  })
  async redFlags(@Root() commitment: Commitment, @Ctx() ctx: SubgraphContext): Promise<RedFlagCoverage[]> {
    const allocations = await allocationsByCommitment(ctx).load(commitment.id);
    return coverageOfPrograms(ctx, [...new Set(allocations.map((allocation) => allocation.programId))]);
  }
}

@Resolver(() => Institution)
export class InstitutionRedFlagResolver {
  @FieldResolver(() => [RedFlagCoverage], {
    nullable: true,
    description:
      'The red flags of the contracts this institution bought as buyer (`Contract.buyer`): per flag, how many could be checked and how ' +
      'many raise it. A flag is a reason to look, not a verdict. Null only while the budgets subgraph is unavailable.',
  })
  async redFlags(@Root() institution: Institution, @Ctx() ctx: SubgraphContext): Promise<RedFlagCoverage[]> {
    const { contracts, counts } = await redFlagsByBuyer(ctx).load(institution.id);
    return coverageOf(contracts, counts, ctx.config.redFlags);
  }
}

@Resolver(() => Supplier)
export class SupplierRedFlagResolver {
  @FieldResolver(() => [RedFlagCoverage], {
    description:
      'The red flags of the contracts that name this supplier: per flag, how many could be checked and how many raise it. A flag is a ' +
      'reason to look, not a verdict.',
  })
  async redFlags(@Root() supplier: Supplier, @Ctx() ctx: SubgraphContext): Promise<RedFlagCoverage[]> {
    const { contracts, counts } = await redFlagsBySupplier(ctx).load(supplier.key);
    return coverageOf(contracts, counts, ctx.config.redFlags);
  }
}
