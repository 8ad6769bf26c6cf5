import type { SearchSource } from '../../kit/search';
import { ClassificationSeries } from '../entities/classification-series.entity';
import { ArchivalRecord, RecordAccess } from '../entities/record.entity';

/** Series by title; also by code (`05C.14`), section code and sampling criterion. */
export const seriesSearch: SearchSource = {
  kind: 'series',
  select: (sql) => {
    const c = sql.columnsOf(ClassificationSeries);
    return `SELECT ${c('code')} AS id, ${c('title')} AS title, ${sql.words(c('code'), c('sectionCode'), c('samplingCriterion'))} AS body
      FROM ${sql.table(ClassificationSeries)}`;
  },
};

/**
 * Records by title and document titles, code and series code. The title and documents of a record that is not
 * PUBLIC are hidden, so they never reach the index: such a record is found by its code and series only.
 */
export const recordSearch: SearchSource = {
  kind: 'record',
  select: (sql) => {
    const c = sql.columnsOf(ArchivalRecord);
    const disclosed = `${c('access')} = '${RecordAccess.PUBLIC}'`;
    const title = `CASE WHEN ${disclosed} THEN ${c('title')} END`;
    const documents = `CASE WHEN ${disclosed} THEN ${sql.jsonFields(c('documents'), 'title')} END`;
    return `SELECT ${c('id')} AS id, ${title} AS title, ${sql.words(c('code'), c('seriesCode'), documents)} AS body
      FROM ${sql.table(ArchivalRecord)}`;
  },
};

export const searchSources = [seriesSearch, recordSearch];
