import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column } from 'typeorm';
import { Completion } from '../../kit/completion';

export enum IrmSpecificity {
  NONE = 'NONE',
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

export enum IrmPotentialImpact {
  NONE = 'NONE',
  MINOR = 'MINOR',
  MODERATE = 'MODERATE',
  TRANSFORMATIVE = 'TRANSFORMATIVE',
}

registerEnumType(IrmSpecificity, {
  name: 'IrmSpecificity',
  description:
    'How specific and measurable a commitment is as written (*especificidad*), as rated by the Independent Reporting Mechanism (IRM) of the Open Government Partnership.',
  valuesConfig: {
    NONE: { description: 'None: no verifiable deliverables or milestones (*ninguna*).' },
    LOW: { description: 'Low: an activity that can be read as measurable only with interpretation (*baja*).' },
    MEDIUM: { description: 'Medium: objectively verifiable activities, but no clear deliverables (*media*).' },
    HIGH: { description: 'High: clear, measurable deliverables and milestones (*alta*).' },
  },
});

registerEnumType(IrmPotentialImpact, {
  name: 'IrmPotentialImpact',
  description:
    'How much a commitment could change government practice if fully carried out (*impacto potencial*), as rated by the OGP Independent Reporting Mechanism (IRM).',
  valuesConfig: {
    NONE: { description: 'None: it would not change the status quo (*ninguno*).' },
    MINOR: { description: 'Minor: an incremental but positive step (*menor*).' },
    MODERATE: { description: 'Moderate: a major step in the policy area, limited in scale or scope (*moderado*).' },
    TRANSFORMATIVE: { description: 'Transformative: a reform that could change business as usual (*transformador*).' },
  },
});

@ObjectType({ description: 'How far a commitment was carried out according to one IRM report (*nivel de cumplimiento*).' })
export class IrmCompletion {
  @Field(() => Completion, {
    nullable: true,
    description:
      'The level on this API\'s scale; null when the IRM published a value outside it ("Withdrawn", "Unclear"), kept in `asPublished`.',
  })
  level: Completion | null;

  @Field({ description: 'The level exactly as the IRM dataset publishes it, e.g. "Substantial", "Withdrawn".' })
  asPublished: string;

  @Field(() => Int, { nullable: true, description: 'Year the IRM report that rated it was published; null when the dataset does not say.' })
  reportYear: number | null;
}

/**
 * The IRM's ratings of one OGP commitment, embedded in the commitment's row. The dataset's "ND" (no data),
 * "NR" (not reviewed) and "NA" (not applicable) are all stored as null: none of them is a rating.
 */
@ObjectType({
  description:
    "What the Open Government Partnership's Independent Reporting Mechanism (IRM, *Mecanismo de Revisión Independiente*) found about a commitment, from its design, progress and end-of-term reports. A null field means the IRM did not rate it (the dataset says ND, NR or NA).",
})
export class IrmAssessment {
  @Field(() => IrmSpecificity, {
    nullable: true,
    description: 'Specificity (*especificidad*) as the IRM rated it in the design or progress report.',
  })
  @Column({ type: 'varchar', nullable: true })
  specificity: IrmSpecificity | null;

  @Field(() => IrmPotentialImpact, {
    nullable: true,
    description: 'Potential impact (*impacto potencial*) as the IRM rated it in the design or progress report.',
  })
  @Column({ type: 'varchar', nullable: true })
  potentialImpact: IrmPotentialImpact | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Starred (*compromiso estelar*): the IRM\'s mark for a specific, relevant, potentially transformative commitment with substantial or complete progress, under its current formula in any of its reports (the dataset\'s "Max star"); null when no report rated it.',
  })
  @Column({ type: 'boolean', nullable: true })
  starred: boolean | null;

  @Column({ type: 'varchar', nullable: true })
  midtermLevel: Completion | null;

  @Column({ type: 'varchar', nullable: true })
  midtermAsPublished: string | null;

  @Column({ type: 'integer', nullable: true })
  midtermReportYear: number | null;

  @Column({ type: 'varchar', nullable: true })
  endOfTermLevel: Completion | null;

  @Column({ type: 'varchar', nullable: true })
  endOfTermAsPublished: string | null;

  @Column({ type: 'integer', nullable: true })
  endOfTermReportYear: number | null;

  @Field(() => IrmCompletion, {
    nullable: true,
    description: 'Completion at mid-term, from the IRM progress report (*informe de avance*); null when it did not rate it.',
  })
  get midtermCompletion(): IrmCompletion | null {
    return completion(this.midtermLevel, this.midtermAsPublished, this.midtermReportYear);
  }

  @Field(() => IrmCompletion, {
    nullable: true,
    description:
      'Completion at the end of the action plan, from the IRM end-of-term report (*informe de fin de término*); null when it did not rate it.',
  })
  get endOfTermCompletion(): IrmCompletion | null {
    return completion(this.endOfTermLevel, this.endOfTermAsPublished, this.endOfTermReportYear);
  }
}

function completion(level: Completion | null, asPublished: string | null, reportYear: number | null): IrmCompletion | null {
  return asPublished === null ? null : { level, asPublished, reportYear };
}
