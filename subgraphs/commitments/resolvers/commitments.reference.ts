import { extendedReference, ownedReference, type ReferenceResolvers } from '../../kit/references';
import { actionPlanById, commitmentById, ogpActionPlanById } from '../loaders';

/** Own plans and commitments through their loaders (null when unknown); any id of the State and Institution it extends. */
export const referenceResolvers: ReferenceResolvers = {
  ActionPlan: ownedReference(actionPlanById),
  Commitment: ownedReference(commitmentById),
  OgpActionPlan: ownedReference(ogpActionPlanById),
  State: extendedReference,
  Institution: extendedReference,
};
