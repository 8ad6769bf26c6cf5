import { ownedReference, type ReferenceResolvers } from '../../kit/references';
import { institutionById, stateById } from '../loaders';

/** The gateway asks for states and institutions by key, batched; unknown keys come back null. */
export const referenceResolvers: ReferenceResolvers = {
  State: ownedReference(stateById),
  Institution: ownedReference(institutionById),
};
