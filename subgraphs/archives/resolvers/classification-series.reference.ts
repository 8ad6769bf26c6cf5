import type { SubgraphContext } from '../../shared/context';
import type { ClassificationSeries } from '../entities/classification-series.entity';
import { seriesByCode } from '../loaders';

/** `_entities` for `ClassificationSeries` (keyed by code): batched, null for a code the catalogue lacks. */
export function resolveClassificationSeries(reference: Record<string, unknown>, ctx: SubgraphContext): Promise<ClassificationSeries | null> {
  return seriesByCode(ctx).load(String(reference.code));
}
