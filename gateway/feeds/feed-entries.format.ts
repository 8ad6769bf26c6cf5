import type { AtomEntry } from './atom.format';
import type { FeedActor, FeedProgress, FeedReport } from './feed.query';

/** Plain-Spanish labels of the participation codes, as the pages show them. */
const CATEGORY: Record<string, string> = {
  WRONG_FIGURE: 'Cifra equivocada',
  MISSING_INFORMATION: 'Falta información',
  MISSING_DOCUMENT: 'Falta un documento',
  BROKEN_LINK: 'Enlace roto',
  OUTDATED: 'Información desactualizada',
  UNCLEAR_LANGUAGE: 'Lenguaje poco claro',
  OTHER: 'Otro problema',
};
const STATUS: Record<string, string> = {
  OPEN: 'abierto',
  ACKNOWLEDGED: 'reconocido',
  RESOLVED: 'resuelto',
  REJECTED: 'rechazado',
  DUPLICATE: 'duplicado',
};
const COMPLETION: Record<string, string> = {
  NOT_STARTED: 'no iniciado',
  LIMITED: 'limitado',
  SUBSTANTIAL: 'sustancial',
  COMPLETE: 'completo',
};
const TARGET: Record<string, string> = {
  COMMITMENT: 'el compromiso',
  ACTION_PLAN: 'el plan de acción',
  BUDGET_PROGRAM: 'el programa presupuestario',
  CONTRACT: 'el contrato',
  TRANSACTION: 'el pago',
  RECORD: 'el expediente',
  INSTITUTION: 'la institución',
  STATE: 'el estado',
};
const SECTOR: Record<string, string> = {
  GOVERNMENT: 'gobierno',
  CIVIL_SOCIETY: 'sociedad civil',
  GUARANTOR_BODY: 'órgano garante',
};
const ROLE: Record<string, string> = {
  SECRETARIAT_MEMBER: 'Secretariado técnico',
  MODERATOR: 'Moderación',
  ADMIN: 'Administración',
};

/** Who answered or reported progress: the name and sector the token carried, never anything to reach them by. */
export function actorName(actor: FeedActor | null): string {
  if (!actor) return 'Sin dato';
  const role = ROLE[actor.role] ?? actor.role;
  const sector = actor.sector ? ` (${SECTOR[actor.sector] ?? actor.sector})` : '';
  return actor.name ? `${actor.name} · ${role}${sector}` : `${role}${sector}`;
}

/** Where an item is shown: a commitment and a state have pages of their own; anything else is shown on `fallback`. */
export function pageOf(origin: string, target: { type: string; id: string }, fallback: string): string {
  if (target.type === 'COMMITMENT') return `${origin}/?compromiso=${encodeURIComponent(target.id)}`;
  if (target.type === 'STATE') return `${origin}/?estado=${encodeURIComponent(target.id)}`;
  return fallback;
}

/** A public report with its answers; its `updated` is its latest answer's time. */
export function reportEntry(report: FeedReport, feedId: string, link: string): AtomEntry {
  const updated = [report.createdAt, ...report.answers.map((answer) => answer.at)].sort().at(-1)!;
  const category = CATEGORY[report.category] ?? report.category;
  const status = STATUS[report.status] ?? report.status;
  const answers = report.answers.map(
    (answer) => `${answer.at} · ${STATUS[answer.status] ?? answer.status} · ${actorName(answer.by)}: ${answer.note}`,
  );
  return {
    id: `${feedId}#reporte-${report.id}`,
    title: `Reporte (${category}) sobre ${TARGET[report.target.type] ?? report.target.type} ${report.target.id}: ${status}`,
    updated,
    published: report.createdAt,
    authors: ['Persona usuaria (anónima)'],
    link,
    categories: [report.category, report.status],
    content: [
      `Sobre: ${TARGET[report.target.type] ?? report.target.type} ${report.target.id}${report.field ? `, campo ${report.field}` : ''}`,
      `Categoría: ${category}`,
      `Estado: ${status}`,
      '',
      report.body,
      ...(answers.length ? ['', 'Respuestas:', ...answers] : []),
    ].join('\n'),
  };
}

/** A confirmed progress update: proposed by one sector, confirmed by another. */
export function progressEntry(update: FeedProgress, commitment: { id: string; title: string }, feedId: string, link: string): AtomEntry {
  const completion = COMPLETION[update.completion] ?? update.completion;
  const evidence = update.evidence.map((item) => item.url ?? `expediente ${item.recordId}`);
  return {
    id: `${feedId}#avance-${update.id}`,
    title: `Avance confirmado: ${completion} — ${commitment.title}`,
    updated: update.confirmedAt ?? update.at,
    published: update.at,
    authors: [actorName(update.proposedBy)],
    contributors: update.confirmedBy ? [actorName(update.confirmedBy)] : [],
    link,
    categories: ['PROGRESS', update.completion],
    content: [
      `Compromiso ${commitment.id}: ${commitment.title}`,
      `Grado de avance: ${completion}`,
      `Propuesto el ${update.at} por ${actorName(update.proposedBy)}`,
      `Confirmado el ${update.confirmedAt ?? 'sin fecha'} por ${actorName(update.confirmedBy)}`,
      '',
      update.note,
      ...(evidence.length ? ['', 'Evidencia:', ...evidence] : []),
    ].join('\n'),
  };
}

export function confirmed(progress: FeedProgress[]): FeedProgress[] {
  return progress.filter((update) => update.state === 'CONFIRMED');
}
