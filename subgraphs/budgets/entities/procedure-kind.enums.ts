import { registerEnumType } from 'type-graphql';

/** How a contract was awarded, in the Open Contracting codelist (`tender.procurementMethod`). */
export enum ProcedureKind {
  OPEN = 'OPEN',
  SELECTIVE = 'SELECTIVE',
  LIMITED = 'LIMITED',
  DIRECT = 'DIRECT',
}

registerEnumType(ProcedureKind, {
  name: 'ProcedureKind',
  description:
    'Kind of procurement procedure (*tipo de procedimiento*), normalised to the OCDS method codelist so that CompraNet and OCDS contracts can be counted together.',
  valuesConfig: {
    OPEN: { description: 'Open tender (*licitación pública*; OCDS `open`).' },
    SELECTIVE: { description: 'Selective tender among prequalified suppliers (OCDS `selective`).' },
    LIMITED: { description: 'Invitation to a few suppliers (*invitación a cuando menos tres personas*; OCDS `limited`).' },
    DIRECT: { description: 'Direct award (*adjudicación directa*; OCDS `direct`).' },
  },
});

const OCDS_METHODS: Record<string, ProcedureKind> = {
  open: ProcedureKind.OPEN,
  selective: ProcedureKind.SELECTIVE,
  limited: ProcedureKind.LIMITED,
  direct: ProcedureKind.DIRECT,
};

/** An OCDS `tender.procurementMethod`; null for anything outside the codelist. */
export function procedureKindOfOcds(method: string | null): ProcedureKind | null {
  return method === null ? null : (OCDS_METHODS[method.trim().toLowerCase()] ?? null);
}

/**
 * CompraNet's TIPO_PROCEDIMIENTO ("Adjudicación Directa Federal", "Adjudicación directa", "Licitación Pública",
 * "Invitación a Cuando Menos 3 Personas"), compared without accents or letter case; null for anything else.
 */
export function procedureKindOfCompraNet(type: string | null): ProcedureKind | null {
  if (type === null) return null;
  const plain = type
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
  if (plain.startsWith('adjudicacion directa')) return ProcedureKind.DIRECT;
  if (plain.startsWith('licitacion publica')) return ProcedureKind.OPEN;
  if (plain.startsWith('invitacion a cuando menos')) return ProcedureKind.LIMITED;
  return null;
}
