import { extendedReference, ownedReference, type ReferenceResolvers } from '../../kit/references';
import { recordById, seriesByCode } from '../loaders';

/**
 * How archives answers the gateway's `_entities`: its own series (by code) and records through their
 * loaders — a record's title, documents and subjects stay behind the record resolver's access rules — and any id of
 * the entities it adds `records` and `documentation` to (with the fields `documentation` requires, which the gateway fetched
 * from budgets).
 */
export const referenceResolvers: ReferenceResolvers = {
  ClassificationSeries: ownedReference(seriesByCode, 'code'),
  Record: ownedReference(recordById),
  Commitment: extendedReference,
  Contract: extendedReference,
  BudgetProgram: extendedReference,
  Transaction: extendedReference,
  Institution: extendedReference,
};
