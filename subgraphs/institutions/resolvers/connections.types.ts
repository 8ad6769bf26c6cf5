import { ConnectionType } from '../../kit/connection';
import { Institution } from '../entities/institution.entity';
import { State } from '../entities/state.entity';

export const StateConnection = ConnectionType(State, 'State', 'state');
export const InstitutionConnection = ConnectionType(Institution, 'Institution', 'institution');
