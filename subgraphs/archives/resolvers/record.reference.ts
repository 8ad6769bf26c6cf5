import type { SubgraphContext } from '../../shared/context';
import type { ArchivalRecord } from '../entities/record.entity';
import { recordById } from '../loaders';

/** `_entities` for `Record`: batched, null for an unknown id; title and documents stay behind the record resolver. */
export function resolveRecord(reference: Record<string, unknown>, ctx: SubgraphContext): Promise<ArchivalRecord | null> {
  return recordById(ctx).load(String(reference.id));
}
