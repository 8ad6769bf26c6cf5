import { searchResultsResolver } from '../../kit/search-results';
import { ClassificationSeries } from '../entities/classification-series.entity';
import { ArchivalRecord } from '../entities/record.entity';
import { recordById, seriesByCode } from '../loaders';
import { recordSearch, seriesSearch } from '../queries/search-results.query';

export const SearchResultsResolver = searchResultsResolver('archives', [
  {
    field: 'series',
    node: ClassificationSeries,
    name: 'ClassificationSeries',
    what: 'classification series',
    description: 'Classification series (*series documentales*) whose title, code, section or sampling criterion hold the words.',
    kind: seriesSearch.kind,
    loader: seriesByCode,
  },
  {
    field: 'records',
    node: ArchivalRecord,
    name: 'Record',
    what: 'archival record',
    description:
      'Archival records (*expedientes*) whose title, document titles, code or series code hold the words. A RESERVED or CONFIDENTIAL record is found only by its code and series: its hidden title and documents are never searched.',
    kind: recordSearch.kind,
    loader: recordById,
  },
]);
