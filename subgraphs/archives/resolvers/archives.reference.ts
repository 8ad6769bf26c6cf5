import { extendedReference, ownedReference, type ReferenceResolvers } from '../../kit/federated-schema';
import { recordById, seriesByCode } from '../loaders';

/**
 * How archives answers the gateway's `_entities`: its own series (by code) and records through their
 * loaders — a record's title, documents and subjects stay behind the record resolver's access rules — and any id of
 * the entities it adds `records` to.
 */
export const referenceResolvers: ReferenceResolvers = {
  ClassificationSeries: ownedReference(seriesByCode, 'code'),
  Record: ownedReference(recordById),
  Commitment: extendedReference,
  Contract: extendedReference,
  Transaction: extendedReference,
  Institution: extendedReference,
};
