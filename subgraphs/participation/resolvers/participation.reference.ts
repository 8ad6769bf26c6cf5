import type { SubgraphContext } from '../../kit/context';
import { extendedReference, type ReferenceResolvers } from '../../kit/references';
import { visibleReport } from './report.resolver';

/** Reports answer `_entities` as the public sees them (a hidden one is null); the extended types answer for any id. */
export const referenceResolvers: ReferenceResolvers = {
  Report: { __resolveReference: (reference, ctx: SubgraphContext) => visibleReport(ctx, String(reference.id)) },
  Commitment: extendedReference,
  ActionPlan: extendedReference,
  BudgetProgram: extendedReference,
  Contract: extendedReference,
  Transaction: extendedReference,
  Record: extendedReference,
  Institution: extendedReference,
  State: extendedReference,
};
