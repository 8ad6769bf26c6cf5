import type { SearchSource } from '../../kit/search';
import { Institution } from '../entities/institution.entity';
import { State } from '../entities/state.entity';

/** Institutions by name; also by acronym and id (`MX-CPA-12M7F`). */
export const institutionSearch: SearchSource = {
  kind: 'institution',
  select: (sql) => {
    const c = sql.columnsOf(Institution);
    return `SELECT ${c('id')} AS id, ${c('name')} AS title, ${sql.words(c('acronym'), c('id'))} AS body FROM ${sql.table(Institution)}`;
  },
};

/** States by name; also by ISO code (`MX-TLA`) and INEGI code. */
export const stateSearch: SearchSource = {
  kind: 'state',
  select: (sql) => {
    const c = sql.columnsOf(State);
    return `SELECT ${c('id')} AS id, ${c('name')} AS title, ${sql.words(c('isoCode'), c('id'))} AS body FROM ${sql.table(State)}`;
  },
};

export const searchSources = [institutionSearch, stateSearch];
