import { badUserInput } from '../../../common/errors';
import { STATES } from '../../kit/states';
import { TargetType } from '../entities/participation.enums';

const STATE_BY_SHORT_CODE = new Map(STATES.map((state) => [state.isoCode.slice(3), state.id]));
const STATE_ID = '(0[1-9]|[12]\\d|3[0-2])';
/** An INEGI state code, `01` to `32`. */
export const STATE_ID_PATTERN = new RegExp(`^${STATE_ID}$`);

/** A state filter's value, or BAD_USER_INPUT. */
export function checkStateId(value: string, field: string): string {
  if (!STATE_ID_PATTERN.test(value)) throw badUserInput('state must be an INEGI state code, 01 to 32', field);
  return value;
}
/** An OCDS process id (`ocds-<prefix>-…`, no slash) or a CompraNet year, as the budgets subgraph builds contract ids. */
const PROCESS = '(?:ocds-[a-z0-9]+-[^/\\s]+|compranet-\\d{4})';
const INSTITUTION = 'MX-(?:GOB|OG|RAMO|CPA)-[A-Z0-9]+';

/** Long enough for every id of docs/federation-contract.md, short enough that no one stores an essay as an id. */
export const MAX_TARGET_ID_LENGTH = 200;

interface Shape {
  pattern: RegExp;
  example: string;
  /** The INEGI code of the state the item belongs to, when its id says so. */
  state(match: RegExpExecArray): string | null;
}

const byShortCode = (match: RegExpExecArray) => (match[1] ? (STATE_BY_SHORT_CODE.get(match[1]) ?? null) : null);
/** An institution's state: a state executive (`MX-GOB-29`) or transparency body (`MX-OG-29`); federal ones have none. */
const byInstitution = (id: string) => /^MX-(?:GOB|OG)-(\d{2})$/.exec(id)?.[1] ?? null;

/** The id shapes of docs/federation-contract.md, one per target type; anything else is refused before it is stored. */
const SHAPES: Record<TargetType, Shape> = {
  [TargetType.COMMITMENT]: {
    pattern: /^(?:MX-([A-Z]{3})-PAL-\d{4}-(?:\d{2}|P\d{1,2})|OGP-[A-Z0-9]{2,20})$/,
    example: 'MX-TLA-PAL-2016-03',
    state: byShortCode,
  },
  [TargetType.ACTION_PLAN]: {
    pattern: /^(?:MX-([A-Z]{3})-PAL-\d{4}|OGP-[A-Z0-9]{2,10}-\d{1,2})$/,
    example: 'MX-TLA-PAL-2016',
    state: byShortCode,
  },
  [TargetType.BUDGET_PROGRAM]: { pattern: /^\d{4}:\d{2}[A-Z]\d{3}$/, example: '2018:33I005', state: () => null },
  [TargetType.CONTRACT]: { pattern: new RegExp(`^${PROCESS}/[^/\\s]+$`, 'i'), example: 'ocds-07smqs-1109/201720005131', state: () => null },
  [TargetType.TRANSACTION]: {
    pattern: new RegExp(`^${PROCESS}/[^/\\s]+/[^\\s]+$`, 'i'),
    example: 'ocds-07smqs-1109/201720005131/20P002/Pagado',
    state: () => null,
  },
  [TargetType.RECORD]: {
    pattern: new RegExp(`^(${INSTITUTION})/[^\\s]+$`),
    example: 'MX-CPA-20147/05C.14/5131/2017',
    state: (match) => byInstitution(match[1]),
  },
  [TargetType.INSTITUTION]: { pattern: new RegExp(`^${INSTITUTION}$`), example: 'MX-GOB-29', state: (match) => byInstitution(match[0]) },
  [TargetType.STATE]: { pattern: STATE_ID_PATTERN, example: '29', state: (match) => match[0] },
};

/**
 * Checks a target id against its type's shape and returns the state it belongs to (null: a federal or stateless item,
 * answered by moderators). An id of the right shape need not exist: the owning subgraph knows, participation does not.
 */
export function checkTarget(type: TargetType, id: string, field = 'target.id'): { stateId: string | null } {
  const shape = SHAPES[type];
  const match = id.length <= MAX_TARGET_ID_LENGTH ? shape.pattern.exec(id) : null;
  if (!match) throw badUserInput(`"${id.slice(0, 80)}" is not the id of a ${type} (e.g. \`${shape.example}\`)`, field);
  return { stateId: shape.state(match) };
}

/** A commitment's state from its id (`MX-TLA-PAL-2016-03` → `29`), or null for one with none in its id. */
export function commitmentState(id: string): string | null {
  return checkTarget(TargetType.COMMITMENT, id, 'commitmentId').stateId;
}

/** A Record id as evidence. */
export function isRecordId(id: string): boolean {
  return id.length <= MAX_TARGET_ID_LENGTH && SHAPES[TargetType.RECORD].pattern.test(id);
}
