import type { RedFlagThresholds } from '../../../common/config/red-flags';
import { RedFlagCode, type RedFlagMethodology } from './red-flag.object';

/** Figures of one check, by name (dates YYYY-MM-DD, whole numbers, ids separated by spaces). */
export type RedFlagFigures = Record<string, string | number | null>;

interface FlagText {
  labelEs: string;
  labelEn: string;
  methodology(thresholds: RedFlagThresholds): RedFlagMethodology;
  /** Why a raised flag was raised, in plain Spanish with its figures. */
  reasonEs(figures: RedFlagFigures): string;
}

const NOT_A_VERDICT_ES = 'Es un motivo para revisar, no una prueba de irregularidad.';
const NOT_A_VERDICT_EN = 'It is a reason to look closer, not evidence of wrongdoing.';

const shown = (value: string | number | null | undefined) => (value === null || value === undefined ? '—' : String(value));

export const RED_FLAGS: Record<RedFlagCode, FlagText> = {
  [RedFlagCode.SHORT_SUBMISSION_PERIOD]: {
    labelEs: 'Plazo corto para presentar propuestas',
    labelEn: 'Short submission period',
    methodology: (t) => ({
      descriptionEs:
        'Días naturales entre la publicación de la convocatoria (o de la invitación) y la apertura de proposiciones, menos que el mínimo de ' +
        'la ley para el tipo de procedimiento y su carácter nacional o internacional. Un plazo corto deja a menos empresas preparar una ' +
        `oferta. La ley permite reducir el plazo de una licitación a no menos de 10 días con razones acreditadas en el expediente. ${NOT_A_VERDICT_ES}`,
      descriptionEn:
        'Calendar days from the publication of the call (or the invitation) to the opening of proposals, fewer than the law requires for the ' +
        'procedure and its national or international character. A short period leaves fewer firms time to bid. The law lets a tender period ' +
        `be cut to no fewer than 10 days for reasons recorded in the file. ${NOT_A_VERDICT_EN}`,
      threshold:
        `licitación pública internacional: ${t.internationalTenderDays} días naturales; nacional: ${t.nationalTenderDays}; ` +
        `invitación a cuando menos tres personas: ${t.invitationDays}. Sin carácter publicado: se marca bajo ${t.nationalTenderDays}, ` +
        `se descarta desde ${t.internationalTenderDays}, y entre ambos queda desconocido.`,
      source:
        'Ley de Adquisiciones, Arrendamientos y Servicios del Sector Público (LAASSP), art. 32 (licitación: 20 días naturales internacional, ' +
        '15 nacional, reducibles a no menos de 10) y art. 43 fr. IV (invitación: no menos de 5 días naturales desde la última invitación); ' +
        'OCP Red Flags for Integrity / Cardinal R003 (short submission period). For state and city buyers, which follow their own laws, ' +
        'the federal minimum is a reference point, not a legal test.',
      fieldsRead: [
        'CompraNet PROC_F_PUBLICACION',
        'CompraNet FECHA_APERTURA_PROPOSICIONES',
        'CompraNet CARACTER',
        'CompraNet TIPO_PROCEDIMIENTO',
        'OCDS tender.procurementMethod',
        'OCDS tender.tenderPeriod.startDate',
        'OCDS tender.tenderPeriod.endDate',
      ],
    }),
    reasonEs: (f) =>
      `La convocatoria se publicó el ${shown(f.publishedOn)} y las propuestas se abrieron el ${shown(f.opensOn)}: ${shown(f.days)} días ` +
      `naturales, menos que el mínimo de ${shown(f.minimumDays)} (${shown(f.rule)}).`,
  },
  [RedFlagCode.SINGLE_BIDDER]: {
    labelEs: 'Un solo licitante',
    labelEn: 'Single bidder',
    methodology: () => ({
      descriptionEs:
        'Un procedimiento abierto o selectivo (licitación) en el que se presentó una sola propuesta: hubo competencia en papel pero no en ' +
        `los hechos. ${NOT_A_VERDICT_ES}`,
      descriptionEn: `An open or selective procedure that received one bid: competition on paper but not in fact. ${NOT_A_VERDICT_EN}`,
      threshold: 'número de licitantes = 1',
      source:
        'Open Contracting Partnership, Red Flags for Integrity (2016) and Cardinal R018 (single bid received); IMCO, Índice de Riesgos de ' +
        'Corrupción (procedimientos competitivos con pocos participantes). CompraNet does not publish the bidders, so its contracts are unknown.',
      fieldsRead: ['OCDS tender.procurementMethod', 'OCDS tender.numberOfTenderers (else the count of tender.tenderers)'],
    }),
    reasonEs: (f) => `El procedimiento (${shown(f.method)}) recibió ${shown(f.tenderers)} propuesta.`,
  },
  [RedFlagCode.STARTED_BEFORE_SIGNED]: {
    labelEs: 'Inició antes de firmarse',
    labelEn: 'Started before it was signed',
    methodology: () => ({
      descriptionEs:
        'La fecha de inicio del contrato es anterior a la fecha en que se firmó: se trabajó o se entregó sin un contrato firmado. ' +
        NOT_A_VERDICT_ES,
      descriptionEn: `The contract's start date is earlier than its signature date: work or deliveries began without a signed contract. ${NOT_A_VERDICT_EN}`,
      threshold: 'fecha de inicio < fecha de firma (un día basta)',
      source: 'IMCO, Índice de Riesgos de Corrupción (contratos que iniciaron antes de registrarse); OCP Red Flags for Integrity (2016).',
      fieldsRead: ['CompraNet FECHA_INICIO', 'CompraNet FECHA_CELEBRACION', 'OCDS contracts.period.startDate', 'OCDS contracts.dateSigned'],
    }),
    reasonEs: (f) => `Inició el ${shown(f.startsOn)} y se firmó el ${shown(f.signedOn)}: ${shown(f.daysBefore)} días antes de su firma.`,
  },
  [RedFlagCode.AMENDED]: {
    labelEs: 'Contrato modificado',
    labelEn: 'Amended',
    methodology: () => ({
      descriptionEs:
        'El contrato tuvo un convenio modificatorio (monto, plazo o alcance cambiados después de firmarse). Las modificaciones son legales ' +
        `dentro de límites, pero también son una vía para cambiar lo que se concursó. ${NOT_A_VERDICT_ES}`,
      descriptionEn:
        'The contract was amended after signature (amount, period or scope). Amendments are lawful within limits, but they are also a way ' +
        `to change what was competed for. ${NOT_A_VERDICT_EN}`,
      threshold: 'CONVENIO_MODIFICATORIO = 1, o al menos una enmienda OCDS',
      source:
        'LAASSP art. 52 (modificaciones de los contratos); OCP Red Flags for Integrity (2016). OCDS contracts without an `amendments` list ' +
        'are unknown: an absent list does not say there was none.',
      fieldsRead: ['CompraNet CONVENIO_MODIFICATORIO', 'OCDS contracts.amendments'],
    }),
    reasonEs: (f) =>
      f.amendments === null || f.amendments === undefined
        ? 'El archivo indica un convenio modificatorio.'
        : `El contrato publica ${shown(f.amendments)} modificación(es).`,
  },
  [RedFlagCode.REPEATED_DIRECT_AWARD]: {
    labelEs: 'Adjudicaciones directas repetidas',
    labelEn: 'Repeated direct award',
    methodology: (t) => ({
      descriptionEs:
        `La misma unidad compradora adjudicó directamente al mismo proveedor más de una vez en ${t.repeatWindowDays} días: puede ser una ` +
        `compra dividida para no licitar. ${NOT_A_VERDICT_ES}`,
      descriptionEn:
        `The same buying unit awarded the same supplier directly more than once within ${t.repeatWindowDays} days: possibly a purchase ` +
        `split to avoid a tender. ${NOT_A_VERDICT_EN}`,
      threshold: `dos o más adjudicaciones directas, misma unidad compradora y mismo proveedor, a ${t.repeatWindowDays} días o menos`,
      source:
        'OCP Red Flags for Integrity (2016: splitting purchases below thresholds); IMCO, Índice de Riesgos de Corrupción (adjudicaciones ' +
        'directas). The window is a configured choice (RED_FLAG_REPEAT_WINDOW_DAYS), not a legal limit. Checked over every stored contract.',
      fieldsRead: [
        'CompraNet TIPO_PROCEDIMIENTO, CLAVEUC, FOLIO_RUPC or PROVEEDOR_CONTRATISTA, FECHA_CELEBRACION (else FECHA_INICIO)',
        'OCDS tender.procurementMethod, buyer id, suppliers ids or names, contracts.dateSigned (else contracts.period.startDate)',
      ],
    }),
    reasonEs: (f) =>
      `La misma unidad compradora adjudicó directamente al mismo proveedor ${shown(f.otherCount)} vez/veces más a ${shown(f.closestDays)} ` +
      `días o menos (${shown(f.otherContracts)}).`,
  },
  [RedFlagCode.LATE_PUBLICATION]: {
    labelEs: 'Publicación tardía',
    labelEn: 'Late publication',
    methodology: () => ({
      descriptionEs:
        'Publicado después del plazo que pide la ley. No se calcula: ni CompraNet ni los archivos OCDS que lee el proyecto dicen cuándo se ' +
        'publicó por primera vez cada contrato (la fecha de un registro OCDS es la de su compilación). Todos los contratos quedan como ' +
        'desconocidos, nunca como limpios.',
      descriptionEn:
        'Published later than the law asks. Not computed: neither CompraNet nor the OCDS files the project reads state when each contract ' +
        'was first published (an OCDS record date is when it was compiled). Every contract stays unknown, never clean.',
      threshold: null,
      source: 'OCP Red Flags for Integrity (2016). No field of the files read supports it.',
      fieldsRead: [],
    }),
    reasonEs: () => '',
  },
};
