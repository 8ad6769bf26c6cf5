import type { RedFlagThresholds } from '../../../../common/config/red-flags';
import type { Contract } from '../../entities/contract.entity';
import { ProcedureKind } from '../../entities/procedure-kind.enums';
import { RedFlagCode, RedFlagStatus, type StoredRedFlagStatus } from '../../entities/red-flag.object';
import { RED_FLAG_COLUMNS } from '../../entities/red-flag.columns';
import type { RedFlagFigures } from '../../entities/red-flag.methodology';
import type { ContractParty } from '../../entities/values.object';

/**
 * What one contract publishes that the per-contract flags read, already validated by its importer. Null means "not
 * published": the flag that needs it is then UNKNOWN (a null column), never "not raised".
 */
export interface ContractFacts {
  kind: ProcedureKind | null;
  /** CompraNet CARACTER: true for "Internacional" and "Internacional bajo TLC", false for "Nacional"; null when blank (always in OCDS). */
  international: boolean | null;
  /** Call for proposals published (CompraNet PROC_F_PUBLICACION; OCDS tenderPeriod.startDate), YYYY-MM-DD. */
  publishedOn: string | null;
  /** Proposals opened (CompraNet FECHA_APERTURA_PROPOSICIONES; OCDS tenderPeriod.endDate), YYYY-MM-DD. */
  opensOn: string | null;
  /** Bids received (OCDS numberOfTenderers, else the count of tenderers); CompraNet does not publish it. */
  tenderers: number | null;
  startsOn: string | null;
  signedOn: string | null;
  /** Amendments published: CompraNet CONVENIO_MODIFICATORIO 0/1, OCDS the length of `amendments`; null when not stated. */
  amendments: number | null;
}

const DAY = 86_400_000;

/** Days since 1970-01-01 of each YYYY-MM-DD date met: an import compares hundreds of thousands of dates, few of them distinct. */
const dayNumbers = new Map<string, number>();

function dayNumber(date: string): number {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    day = Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
    dayNumbers.set(date, day);
  }
  return day;
}

/** Calendar days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** One flag checked on one contract from its own fields. */
export interface FlagCheck {
  code: RedFlagCode;
  status: StoredRedFlagStatus;
  figures: RedFlagFigures;
}

const check = (code: RedFlagCode, status: StoredRedFlagStatus, figures: RedFlagFigures = {}): FlagCheck => ({ code, status, figures });

const raisedIf = (condition: boolean) => (condition ? RedFlagStatus.RAISED : RedFlagStatus.NOT_RAISED);

/** The per-contract checks; REPEATED_DIRECT_AWARD needs every stored contract (red-flags.write.ts). */
export function contractChecks(facts: ContractFacts, thresholds: RedFlagThresholds): FlagCheck[] {
  return [shortSubmission(facts, thresholds), singleBidder(facts), startedBeforeSigned(facts), amended(facts)].filter(
    (row): row is FlagCheck => row !== null,
  );
}

/**
 * Sets the contract's per-contract flag columns and figures from its checks, so that they are written with the contract
 * in the same bulk insert. REPEATED_DIRECT_AWARD needs the other contracts: red-flags.write.ts sets it before the write.
 */
export function withRedFlags(contract: Contract, facts: ContractFacts, thresholds: RedFlagThresholds): void {
  contract.shortSubmissionFlag = null;
  contract.singleBidderFlag = null;
  contract.startedBeforeSignedFlag = null;
  contract.amendedFlag = null;
  const figures: Record<string, RedFlagFigures> = {};
  for (const { code, status, figures: of } of contractChecks(facts, thresholds)) {
    contract[RED_FLAG_COLUMNS[code]!] = status;
    if (status !== RedFlagStatus.NOT_APPLICABLE && !derivable(code, status)) figures[code] = of;
  }
  contract.redFlagFigures = Object.keys(figures).length === 0 ? null : figures;
}

/** One direct award as REPEATED_DIRECT_AWARD compares it: one per contract and supplier. */
export interface DirectAward {
  id: string;
  /** The buying unit: its published key, else its name. */
  buyer: string;
  /** The supplier's key as contract_supplier stores it. */
  supplier: string;
  /** Signature date, else start date (YYYY-MM-DD). */
  day: string;
}

/** The buying unit REPEATED_DIRECT_AWARD groups by: the buyer's published key, else its name; undefined when neither. */
export function buyerKeyOf(buyer: ContractParty | null): string | undefined {
  return buyer?.id?.trim() || buyer?.name?.trim() || undefined;
}

/** The day REPEATED_DIRECT_AWARD dates an award by: its signature, else its start. */
export function awardDayOf(contract: { signedOn: string | null; startsOn: string | null }): string | null {
  return contract.signedOn ?? contract.startsOn;
}

/**
 * The awards raising REPEATED_DIRECT_AWARD: those with another contract of the same buying unit and supplier within the
 * window, before or after. In each pair's awards ordered by day, the nearest other contract on either side tells.
 */
export function repeatedAwards(awards: DirectAward[], windowDays: number): Set<string> {
  const groups = new Map<string, { id: string; day: number }[]>();
  for (const award of awards) {
    const key = `${award.buyer}\u0000${award.supplier}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = [];
      groups.set(key, group);
    }
    group.push({ id: award.id, day: dayNumber(award.day) });
  }
  const raised = new Set<string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (let i = 1; i < group.length; i += 1) {
      // A contract naming the same supplier twice sits next to itself: that is not a repeat.
      if (group[i].id !== group[i - 1].id && group[i].day - group[i - 1].day <= windowDays) {
        raised.add(group[i].id);
        raised.add(group[i - 1].id);
      }
    }
  }
  return raised;
}

/**
 * Figures the contract row already holds are not stored again: STARTED_BEFORE_SIGNED's dates are its columns, and an
 * AMENDED that is not raised had no amendment. Each contract's JSON stays small, most of them empty.
 */
function derivable(code: RedFlagCode, status: StoredRedFlagStatus): boolean {
  return code === RedFlagCode.STARTED_BEFORE_SIGNED || (code === RedFlagCode.AMENDED && status === RedFlagStatus.NOT_RAISED);
}

/** The figures of one checked flag of a stored contract (the row's figures JSON, or what the row implies); none for REPEATED_DIRECT_AWARD. */
export function storedFigures(contract: Contract, code: RedFlagCode, status: RedFlagStatus): RedFlagFigures {
  if (status === RedFlagStatus.UNKNOWN || status === RedFlagStatus.NOT_APPLICABLE) return {};
  if (code === RedFlagCode.STARTED_BEFORE_SIGNED && contract.startsOn !== null && contract.signedOn !== null) {
    return startedFigures(contract.startsOn, contract.signedOn);
  }
  if (code === RedFlagCode.AMENDED && status === RedFlagStatus.NOT_RAISED) return { amendments: 0 };
  return contract.redFlagFigures?.[code] ?? {};
}

const startedFigures = (startsOn: string, signedOn: string) => ({
  startsOn,
  signedOn,
  daysBefore: daysBetween(startsOn, signedOn),
});

/**
 * LAASSP art. 32 (tenders) and 43 fr. IV (invitations). When the character is not published, the period is judged only
 * where both minimums agree: under the national one it is short either way, from the international one it is not.
 */
function shortSubmission(facts: ContractFacts, t: RedFlagThresholds): FlagCheck | null {
  const { kind } = facts;
  if (kind === null) return null;
  if (kind === ProcedureKind.DIRECT) return check(RedFlagCode.SHORT_SUBMISSION_PERIOD, RedFlagStatus.NOT_APPLICABLE);
  if (facts.publishedOn === null || facts.opensOn === null) return null;
  const days = daysBetween(facts.publishedOn, facts.opensOn);
  const figures = (minimumDays: number, rule: string): RedFlagFigures => ({
    publishedOn: facts.publishedOn,
    opensOn: facts.opensOn,
    days,
    minimumDays,
    rule,
  });
  const status = (minimumDays: number, rule: string) =>
    check(RedFlagCode.SHORT_SUBMISSION_PERIOD, raisedIf(days < minimumDays), figures(minimumDays, rule));
  if (kind === ProcedureKind.LIMITED || kind === ProcedureKind.SELECTIVE)
    return status(t.invitationDays, 'invitación, LAASSP art. 43 fr. IV');
  if (facts.international === true) return status(t.internationalTenderDays, 'licitación internacional, LAASSP art. 32');
  if (facts.international === false) return status(t.nationalTenderDays, 'licitación nacional, LAASSP art. 32');
  if (days < t.nationalTenderDays)
    return status(t.nationalTenderDays, 'licitación de carácter no publicado: menos que el mínimo nacional, LAASSP art. 32');
  if (days >= t.internationalTenderDays)
    return status(t.internationalTenderDays, 'licitación de carácter no publicado: cumple el mínimo internacional, LAASSP art. 32');
  return null;
}

function singleBidder(facts: ContractFacts): FlagCheck | null {
  const { kind } = facts;
  if (kind === null) return null;
  if (kind === ProcedureKind.DIRECT || kind === ProcedureKind.LIMITED)
    return check(RedFlagCode.SINGLE_BIDDER, RedFlagStatus.NOT_APPLICABLE);
  if (facts.tenderers === null) return null;
  return check(RedFlagCode.SINGLE_BIDDER, raisedIf(facts.tenderers === 1), {
    method: kind === ProcedureKind.OPEN ? 'open' : 'selective',
    tenderers: facts.tenderers,
  });
}

function startedBeforeSigned(facts: ContractFacts): FlagCheck | null {
  if (facts.startsOn === null || facts.signedOn === null) return null;
  const figures = startedFigures(facts.startsOn, facts.signedOn);
  return check(RedFlagCode.STARTED_BEFORE_SIGNED, raisedIf(figures.daysBefore > 0), figures);
}

function amended(facts: ContractFacts): FlagCheck | null {
  if (facts.amendments === null) return null;
  return check(RedFlagCode.AMENDED, raisedIf(facts.amendments > 0), { amendments: facts.amendments });
}
