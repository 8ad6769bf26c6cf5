import { searchResultsResolver } from '../../kit/search-results';
import { Institution } from '../entities/institution.entity';
import { State } from '../entities/state.entity';
import { institutionById, stateById } from '../loaders';
import { institutionSearch, stateSearch } from '../queries/search-results.query';

export const SearchResultsResolver = searchResultsResolver('institutions', [
  {
    field: 'institutions',
    node: Institution,
    name: 'Institution',
    what: 'institution',
    description: 'Institutions (*sujetos obligados*) whose name, acronym or id hold the words.',
    kind: institutionSearch.kind,
    loader: institutionById,
  },
  {
    field: 'states',
    node: State,
    name: 'State',
    what: 'state',
    description: 'States (*entidades federativas*) whose name, ISO code or INEGI code hold the words.',
    kind: stateSearch.kind,
    loader: stateById,
  },
]);
