import { ConnectionType } from '../../kit/connection';
import { ClassificationSeries } from '../entities/classification-series.entity';
import { ArchivalRecord } from '../entities/record.entity';

export const RecordConnection = ConnectionType(ArchivalRecord, 'Record', 'archival record (*expediente*)');
export const ClassificationSeriesConnection = ConnectionType(
  ClassificationSeries,
  'ClassificationSeries',
  'records series (*serie documental*)',
);
