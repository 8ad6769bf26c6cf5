import type { FormatLoad } from '../../kit/import/format';
import { allOrNothing, bySource } from '../../kit/import/format-helpers';
import { Institution } from '../entities/institution.entity';
import { State } from '../entities/state.entity';
import { parseStates, writeStates } from './states.importer';

/**
 * The 32 states and their executives, from the code list every subgraph shares (kit/states.ts): no file to read, so
 * the start-up sample loads them and the CLI does not list them.
 */
export const states: FormatLoad = {
  name: 'states',
  subgraph: 'institutions',
  resolve: (paths) => (paths.length === 0 ? { files: [] } : { usage: 'the states come from the code list, not from files' }),
  async parse() {
    const parsed = parseStates();
    return allOrNothing(
      parsed.problems,
      [bySource(State, 'states', parsed.states), bySource(Institution, 'state executives', parsed.executives)],
      (manager) => writeStates(manager, parsed),
    );
  },
};
