import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, type ValueTransformer } from 'typeorm';
import { SourceRef, sourceAt } from '../../kit/provenance';
import { Completion } from './completion';
import { IrmAssessment } from './irm-assessment';

export { Completion } from './completion';

export enum CommitmentKind {
  ACTION_PLAN = 'ACTION_PLAN',
  PROACTIVE = 'PROACTIVE',
  OGP_ACTION_PLAN = 'OGP_ACTION_PLAN',
}

/** The fourteen aims (a–n) of the joint declaration (*declaración conjunta*) a commitment can pursue. */
export enum CommitmentTheme {
  FOLLOW_THE_MONEY = 'FOLLOW_THE_MONEY',
  NATIONAL_OGP = 'NATIONAL_OGP',
  ACCESS_TO_INFORMATION = 'ACCESS_TO_INFORMATION',
  INFORMATION_AVAILABILITY = 'INFORMATION_AVAILABILITY',
  RESOURCE_TRANSPARENCY = 'RESOURCE_TRANSPARENCY',
  ACCOUNTABILITY = 'ACCOUNTABILITY',
  CITIZEN_PARTICIPATION = 'CITIZEN_PARTICIPATION',
  OPENNESS_POLICIES = 'OPENNESS_POLICIES',
  FEEDBACK_CHANNELS = 'FEEDBACK_CHANNELS',
  CO_CREATION_TOOLS = 'CO_CREATION_TOOLS',
  OPEN_DATA_PLAIN_LANGUAGE = 'OPEN_DATA_PLAIN_LANGUAGE',
  PLAIN_INSTRUMENTS = 'PLAIN_INSTRUMENTS',
  COLLABORATIVE_INFORMATION = 'COLLABORATIVE_INFORMATION',
  RECORDS_MANAGEMENT = 'RECORDS_MANAGEMENT',
}

export enum CommitmentStage {
  DIAGNOSIS = 'DIAGNOSIS',
  OPENING_COMMITTEE = 'OPENING_COMMITTEE',
  SHARED_AGENDA = 'SHARED_AGENDA',
  IMPLEMENTATION = 'IMPLEMENTATION',
  VERIFICATION = 'VERIFICATION',
}

export enum EvaluationKind {
  PRELIMINARY = 'PRELIMINARY',
  CLOSING = 'CLOSING',
}

registerEnumType(CommitmentKind, {
  name: 'CommitmentKind',
  description:
    "Whether a commitment is a local plan's numbered commitment, a proactive one (*compromiso proactivo*) or one of an OGP action plan.",
  valuesConfig: {
    ACTION_PLAN: { description: 'A numbered commitment of the action plan (*compromiso del PAL*).' },
    PROACTIVE: { description: 'A proactive commitment (*compromiso proactivo*) adopted beside the plan, without a number.' },
    OGP_ACTION_PLAN: {
      description:
        'A commitment of an Open Government Partnership action plan of a country or locality (*compromiso de un plan de acción de la Alianza para el Gobierno Abierto*), from the IRM dataset; its plan is `ogpActionPlan`.',
    },
  },
});

registerEnumType(CommitmentTheme, {
  name: 'CommitmentTheme',
  description:
    'The fourteen aims (a–n) of the joint declaration (*declaración conjunta para la implementación de acciones de gobierno abierto*).',
  valuesConfig: {
    FOLLOW_THE_MONEY: { description: '(a) Follow the public money (*seguimiento de los recursos públicos*).' },
    NATIONAL_OGP: { description: '(b) Link to the national Open Government Partnership plan (*Alianza para el Gobierno Abierto*).' },
    ACCESS_TO_INFORMATION: { description: '(c) The right of access to information (*derecho de acceso a la información*).' },
    INFORMATION_AVAILABILITY: { description: '(d) Available, useful public information (*disponibilidad de la información*).' },
    RESOURCE_TRANSPARENCY: { description: '(e) Transparency of public resources (*transparencia en el uso de los recursos*).' },
    ACCOUNTABILITY: { description: '(f) Accountability (*rendición de cuentas*).' },
    CITIZEN_PARTICIPATION: { description: '(g) Citizen participation (*participación ciudadana*).' },
    OPENNESS_POLICIES: { description: '(h) Openness policies (*políticas de apertura*).' },
    FEEDBACK_CHANNELS: { description: '(i) Channels for citizen feedback (*mecanismos de retroalimentación*).' },
    CO_CREATION_TOOLS: { description: '(j) Tools for co-creation (*herramientas de cocreación*).' },
    OPEN_DATA_PLAIN_LANGUAGE: { description: '(k) Open data in plain language (*datos abiertos y lenguaje ciudadano*).' },
    PLAIN_INSTRUMENTS: { description: '(l) Simple, accessible instruments (*instrumentos sencillos*).' },
    COLLABORATIVE_INFORMATION: { description: '(m) Information built collaboratively (*información colaborativa*).' },
    RECORDS_MANAGEMENT: { description: '(n) Records management (*gestión documental y archivos*).' },
  },
});

registerEnumType(CommitmentStage, {
  name: 'CommitmentStage',
  description: 'The step of the five-step local open-government model (*modelo de cinco etapas*) a commitment has reached.',
  valuesConfig: {
    DIAGNOSIS: { description: 'Diagnosis (*diagnóstico*).' },
    OPENING_COMMITTEE: { description: 'Opening committee (*comité de apertura*).' },
    SHARED_AGENDA: { description: 'Shared agenda (*agenda compartida*).' },
    IMPLEMENTATION: { description: 'Implementation (*implementación*).' },
    VERIFICATION: { description: 'Verification and follow-up (*verificación y seguimiento*).' },
  },
});

registerEnumType(EvaluationKind, {
  name: 'EvaluationKind',
  description: 'Which evaluation of a commitment (*evaluación*).',
  valuesConfig: {
    PRELIMINARY: { description: 'Preliminary evaluation (*evaluación preliminar*), during implementation.' },
    CLOSING: { description: 'Closing evaluation (*evaluación de cierre*), at the end of the plan.' },
  },
});

/** The illustrative files the detail layer is read from, relative to the data folder. */
export const DETAILS_FILE = 'illustrative/commitment-details.csv';
export const MILESTONES_FILE = 'illustrative/commitment-milestones.csv';
export const EVALUATIONS_FILE = 'illustrative/commitment-evaluations.csv';
export const ILLUSTRATIVE_DATASET = 'illustrative';

@ObjectType({
  description: 'A step a commitment promises, with its due date (*hito*). Only the ILLUSTRATIVE layer provides milestones so far.',
})
export class Milestone {
  @Field({ description: 'What is to be done (*actividad*).' })
  title: string;

  @Field(() => String, { nullable: true, description: 'When it is due (*fecha compromiso*), ISO date.' })
  dueOn: string | null;

  @Field(() => String, { nullable: true, description: 'When it was done (*fecha de cumplimiento*), ISO date; null while pending.' })
  doneOn: string | null;

  /** Line of the milestones file, kept so the milestone can say where it came from. */
  row: number;

  @Field(() => SourceRef, { description: 'Where the milestone comes from (the ILLUSTRATIVE layer: `source.illustrative` is true).' })
  get source(): SourceRef {
    return sourceAt(ILLUSTRATIVE_DATASET, MILESTONES_FILE, { row: this.row });
  }
}

@ObjectType({ description: 'An evaluation of a commitment (*evaluación*). Only the ILLUSTRATIVE layer provides evaluations so far.' })
export class Evaluation {
  @Field(() => EvaluationKind, { description: 'Preliminary or closing evaluation.' })
  kind: EvaluationKind;

  @Field(() => String, { description: 'When it was made (*fecha*), ISO date.' })
  date: string;

  @Field(() => Completion, { description: 'How far the commitment was carried out (*nivel de cumplimiento*).' })
  completion: Completion;

  @Field(() => String, { nullable: true, description: 'What the evaluation found (*resumen*).' })
  summary: string | null;

  /** Line of the evaluations file, kept so the evaluation can say where it came from. */
  row: number;

  @Field(() => SourceRef, { description: 'Where the evaluation comes from (the ILLUSTRATIVE layer: `source.illustrative` is true).' })
  get source(): SourceRef {
    return sourceAt(ILLUSTRATIVE_DATASET, EVALUATIONS_FILE, { row: this.row });
  }
}

/** Free-text labels as published, stored as a JSON array; null (rows written before the column existed) reads as none. */
const labelsColumn: ValueTransformer = {
  to: (labels: string[] | undefined) => labels,
  from: (raw: unknown) => (Array.isArray(raw) ? raw : []),
};

/** simple-json keeps plain objects; reading them back as class instances gives them their `source` getter. */
function instancesOf<T extends object>(type: new () => T): ValueTransformer {
  return {
    to: (items: T[] | undefined) => items?.map((item) => ({ ...item })),
    from: (raw: unknown) => (Array.isArray(raw) ? raw.map((item: object) => Object.assign(new type(), item)) : []),
  };
}

/**
 * Themes are stored as `|A|B|` so that "has theme X" is a plain `LIKE '%|X|%'` on SQLite and PostgreSQL
 * alike, without a join table.
 */
export const themesColumn: ValueTransformer = {
  to: (themes: CommitmentTheme[] | undefined) => (themes === undefined ? undefined : themes.length ? `|${themes.join('|')}|` : ''),
  from: (raw: unknown) => (typeof raw === 'string' ? (raw.split('|').filter(Boolean) as CommitmentTheme[]) : []),
};

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A commitment (*compromiso*): what a government and civil society agreed to do, in a Mexican local action plan or in an Open Government Partnership action plan of a country or locality.',
})
@Entity('commitment')
export class Commitment {
  @Field(() => ID, {
    description:
      "Stable id: `<action plan id>-<number, 2 digits>` for local plans, proactive ones `-P1`, `-P2`… in file order, e.g. `MX-TLA-PAL-2016-03`; `OGP-<the IRM dataset's commitment id>` for OGP commitments, e.g. `OGP-JAL0008`.",
  })
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Index()
  @Column({ type: 'varchar' })
  actionPlanId: string;

  /** INEGI code of the plan's state, kept here so the state filter needs no join; null for OGP plans outside Mexico's states. */
  @Index()
  @Column({ type: 'varchar', nullable: true })
  stateId: string | null;

  /** The OGP member's code (a country such as `UKR`, a locality such as `MXJL`), for the country filter; null for local plans. */
  @Index()
  @Column({ type: 'varchar', nullable: true })
  memberCode: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Number in the plan (*número de compromiso*); null for proactive commitments and for OGP commitments whose published number is not a whole number (e.g. "2.1").',
  })
  @Column({ type: 'integer', nullable: true })
  number: number | null;

  @Index()
  @Field(() => CommitmentKind, { description: 'A numbered plan commitment or a proactive one (*tipo*).' })
  @Column({ type: 'varchar' })
  kind: CommitmentKind;

  @Field({ description: 'The commitment as the source words it (*título del compromiso*).' })
  @Column({ type: 'varchar' })
  title: string;

  /** Lower-cased, accent-free title: SQLite's LOWER() folds ASCII only, so search compares this instead. */
  @Column({ type: 'varchar' })
  titleFolded: string;

  /** The OGP dataset's "Full Text"; null for local plans, whose source publishes only the title. */
  @Column({ type: 'varchar', nullable: true })
  fullText: string | null;

  @Field({
    description:
      "Description (*descripción*): the full text the IRM dataset publishes for OGP commitments; local plans publish only the commitment's text, so there it is the same as `title` until a fuller description is loaded.",
  })
  get description(): string {
    return this.fullText ?? this.title;
  }

  @Field(() => [CommitmentTheme], {
    description:
      "The joint declaration's aims the commitment pursues (*ejes*): for local plans empty unless the detail layer gives them (see `detailsSource`); for OGP commitments mapped from the policy-area tags where the mapping is clear (data/ogp/README.md), the tags themselves are in `policyAreas`.",
  })
  @Column({ type: 'varchar', transformer: themesColumn })
  themes: CommitmentTheme[];

  @Index()
  @Field(() => CommitmentStage, { nullable: true, description: 'Step of the five-step model reached (*etapa*); null when no source says.' })
  @Column({ type: 'varchar', nullable: true })
  stage: CommitmentStage | null;

  @Index()
  @Column({ type: 'varchar', nullable: true })
  responsibleInstitutionId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The lead institution as the source names it (*institución responsable*), for OGP commitments whose institutions are not in the institutions subgraph (so `responsibleInstitution` is null); null when not published.',
  })
  @Column({ type: 'varchar', nullable: true })
  leadInstitutionName: string | null;

  @Field(() => [String], {
    description:
      'The OGP policy-area tags (*áreas de política*) the IRM dataset sets for the commitment, as published (e.g. "Open Parliaments"); empty for local plans.',
  })
  @Column({ type: 'simple-json', nullable: true, transformer: labelsColumn })
  policyAreas: string[];

  /** The IRM's ratings, as embedded columns; only OGP commitments have them (see `assessment`). */
  @Column(() => IrmAssessment)
  irm: IrmAssessment;

  @Field(() => IrmAssessment, {
    nullable: true,
    description:
      'What the OGP Independent Reporting Mechanism (IRM) found: specificity, potential impact, completion, starred. Null for local plans, which the IRM does not review.',
  })
  get assessment(): IrmAssessment | null {
    if (this.kind !== CommitmentKind.OGP_ACTION_PLAN) return null;
    return this.irm ?? new IrmAssessment();
  }

  @Field(() => String, { nullable: true, description: 'When work on it starts (*fecha de inicio*), ISO date; null when no source says.' })
  @Column({ type: 'varchar', nullable: true })
  startDate: string | null;

  @Field(() => String, { nullable: true, description: 'When it is due to end (*fecha de término*), ISO date; null when no source says.' })
  @Column({ type: 'varchar', nullable: true })
  endDate: string | null;

  @Field(() => [Milestone], { description: 'Its milestones (*hitos*), in due order; empty when no source gives them.' })
  @Column({ type: 'simple-json', transformer: instancesOf(Milestone) })
  milestones: Milestone[];

  @Field(() => [Evaluation], { description: 'Its evaluations (*evaluaciones*), in date order; empty when no source gives them.' })
  @Column({ type: 'simple-json', transformer: instancesOf(Evaluation) })
  evaluations: Evaluation[];

  @Field(() => SourceRef, {
    description: 'Where the commitment itself comes from: its line of pal_compromisos.csv, or of the IRM dataset for OGP commitments.',
  })
  @Column(() => SourceRef)
  source: SourceRef;

  /** Line of the illustrative details file, when that layer describes this commitment. */
  @Column({ type: 'integer', nullable: true })
  detailsRow: number | null;

  @Field(() => SourceRef, {
    nullable: true,
    description:
      "Where themes, stage, responsible institution and dates come from, when any source gives them. Today that is only the ILLUSTRATIVE layer (`illustrative: true`): made-up sample facts, not INAI's.",
  })
  get detailsSource(): SourceRef | null {
    return this.detailsRow === null ? null : sourceAt(ILLUSTRATIVE_DATASET, DETAILS_FILE, { row: this.detailsRow });
  }
}

/**
 * A commitment with an empty detail layer (no themes, stage, institution, dates, milestones or evaluations):
 * what every importer starts from. Every column gets a value, because one left undefined is stored NULL and
 * read back otherwise, and a re-import would then count the commitment as changed.
 */
export function commitmentWithoutDetails(): Commitment {
  const commitment = new Commitment();
  commitment.themes = [];
  commitment.policyAreas = [];
  commitment.stage = null;
  commitment.responsibleInstitutionId = null;
  commitment.startDate = null;
  commitment.endDate = null;
  commitment.milestones = [];
  commitment.evaluations = [];
  commitment.detailsRow = null;
  return commitment;
}
