import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SourceRef, sourceAt } from '../../kit/provenance';
import { instancesOf, labelsColumn, themesColumn } from './commitment.columns';
import { CommitmentKind, CommitmentStage, CommitmentTheme } from './commitment.enums';
import { Evaluation } from './evaluation.object';
import { DETAILS_FILE, ILLUSTRATIVE_DATASET } from './illustrative.dataset';
import { IrmAssessment } from './irm-assessment.object';
import { Milestone } from './milestone.object';

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
