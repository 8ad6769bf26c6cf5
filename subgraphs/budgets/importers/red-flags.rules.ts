import type { RedFlagThresholds } from '../../../common/config/red-flags';
import { ContractRedFlag } from '../entities/contract-red-flag.entity';
import { ProcedureKind } from '../entities/procedure-kind.enums';
import { RedFlagCode, RedFlagStatus } from '../entities/red-flag';
import type { RedFlagFigures } from '../entities/red-flag.methodology';

/**
 * What one contract publishes that the per-contract flags read, already validated by its importer. Null means "not
 * published": the flag that needs it is then UNKNOWN (no row), never "not raised".
 */
export interface ContractFacts {
  contractId: string;
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

/** Calendar days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

export function redFlagRow(contractId: string, code: RedFlagCode, status: RedFlagStatus, figures: RedFlagFigures = {}): ContractRedFlag {
  const row = new ContractRedFlag();
  row.id = `${contractId}|${code}`;
  row.contractId = contractId;
  row.code = code;
  row.status = status;
  row.figures = figures;
  return row;
}

const raisedIf = (condition: boolean) => (condition ? RedFlagStatus.RAISED : RedFlagStatus.NOT_RAISED);

/** The per-contract checks; REPEATED_DIRECT_AWARD needs every stored contract (repeated-direct-awards.ts). */
export function contractChecks(facts: ContractFacts, thresholds: RedFlagThresholds): ContractRedFlag[] {
  return [shortSubmission(facts, thresholds), singleBidder(facts), startedBeforeSigned(facts), amended(facts)].filter(
    (row): row is ContractRedFlag => row !== null,
  );
}

/**
 * LAASSP art. 32 (tenders) and 43 fr. IV (invitations). When the character is not published, the period is judged only
 * where both minimums agree: under the national one it is short either way, from the international one it is not.
 */
function shortSubmission(facts: ContractFacts, t: RedFlagThresholds): ContractRedFlag | null {
  const { contractId, kind } = facts;
  if (kind === null) return null;
  if (kind === ProcedureKind.DIRECT) return redFlagRow(contractId, RedFlagCode.SHORT_SUBMISSION_PERIOD, RedFlagStatus.NOT_APPLICABLE);
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
    redFlagRow(contractId, RedFlagCode.SHORT_SUBMISSION_PERIOD, raisedIf(days < minimumDays), figures(minimumDays, rule));
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

function singleBidder(facts: ContractFacts): ContractRedFlag | null {
  const { contractId, kind } = facts;
  if (kind === null) return null;
  if (kind === ProcedureKind.DIRECT || kind === ProcedureKind.LIMITED)
    return redFlagRow(contractId, RedFlagCode.SINGLE_BIDDER, RedFlagStatus.NOT_APPLICABLE);
  if (facts.tenderers === null) return null;
  return redFlagRow(contractId, RedFlagCode.SINGLE_BIDDER, raisedIf(facts.tenderers === 1), {
    method: kind === ProcedureKind.OPEN ? 'open' : 'selective',
    tenderers: facts.tenderers,
  });
}

function startedBeforeSigned(facts: ContractFacts): ContractRedFlag | null {
  if (facts.startsOn === null || facts.signedOn === null) return null;
  const daysBefore = daysBetween(facts.startsOn, facts.signedOn);
  return redFlagRow(facts.contractId, RedFlagCode.STARTED_BEFORE_SIGNED, raisedIf(daysBefore > 0), {
    startsOn: facts.startsOn,
    signedOn: facts.signedOn,
    daysBefore,
  });
}

function amended(facts: ContractFacts): ContractRedFlag | null {
  if (facts.amendments === null) return null;
  return redFlagRow(facts.contractId, RedFlagCode.AMENDED, raisedIf(facts.amendments > 0), { amendments: facts.amendments });
}
