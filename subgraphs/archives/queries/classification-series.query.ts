import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { ClassificationSeries } from '../entities/classification-series.entity';
import type { ClassificationSeriesFilter } from '../resolvers/classification.input';

export function classificationSeriesQuery(
  dataSource: DataSource,
  filter: ClassificationSeriesFilter | null,
): SelectQueryBuilder<ClassificationSeries> {
  const query = dataSource.getRepository(ClassificationSeries).createQueryBuilder('series');
  if (filter?.sectionCode) query.andWhere('series.sectionCode = :sectionCode', { sectionCode: filter.sectionCode });
  if (filter?.finalDisposition) query.andWhere('series.finalDisposition = :disposition', { disposition: filter.finalDisposition });
  // The values are a JSON array of enum names; the quotes make the match exact (LEGAL never matches ILLEGAL).
  if (filter?.documentaryValue) query.andWhere('series.documentaryValues LIKE :value', { value: `%"${filter.documentaryValue}"%` });
  return query;
}
