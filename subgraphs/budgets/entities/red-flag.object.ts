import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The integrity indicators computed on every contract at import (docs/red-flags.md). */
export enum RedFlagCode {
  SHORT_SUBMISSION_PERIOD = 'SHORT_SUBMISSION_PERIOD',
  SINGLE_BIDDER = 'SINGLE_BIDDER',
  STARTED_BEFORE_SIGNED = 'STARTED_BEFORE_SIGNED',
  AMENDED = 'AMENDED',
  REPEATED_DIRECT_AWARD = 'REPEATED_DIRECT_AWARD',
  LATE_PUBLICATION = 'LATE_PUBLICATION',
}

/** What a check found. A contract whose flag column is null is UNKNOWN for it: its fields were not published. */
export enum RedFlagStatus {
  RAISED = 'RAISED',
  NOT_RAISED = 'NOT_RAISED',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  UNKNOWN = 'UNKNOWN',
}

export const RED_FLAG_CODES = Object.values(RedFlagCode);

/** What a contract row stores for a checked flag; UNKNOWN is stored as null. */
export type StoredRedFlagStatus = Exclude<RedFlagStatus, RedFlagStatus.UNKNOWN>;

registerEnumType(RedFlagCode, {
  name: 'RedFlagCode',
  description:
    'An integrity indicator (*señal de alerta*) on a contract. A flag is a reason to look closer, not a verdict of wrongdoing: ' +
    'each has lawful explanations. `Contract.redFlags { methodology }` says what each reads and where its threshold comes from.',
  valuesConfig: {
    SHORT_SUBMISSION_PERIOD: {
      description: 'Fewer calendar days from the call for proposals to their opening than the procurement law asks (*plazo corto*).',
    },
    SINGLE_BIDDER: { description: 'One tenderer in an open or selective procedure (*un solo licitante*).' },
    STARTED_BEFORE_SIGNED: { description: 'The contract period started before the contract was signed (*inició antes de firmarse*).' },
    AMENDED: { description: 'The contract was amended (*convenio modificatorio*, OCDS `amendments`).' },
    REPEATED_DIRECT_AWARD: {
      description:
        'The same buying unit awarded the same supplier directly more than once within a short window (*adjudicaciones directas repetidas*).',
    },
    LATE_PUBLICATION: {
      description:
        'Published later than the law asks. Never computed: no file the project reads states when a contract was first published.',
    },
  },
});

registerEnumType(RedFlagStatus, {
  name: 'RedFlagStatus',
  description: 'What the check of one flag on one contract found. UNKNOWN is never "clean": the fields it needs were not published.',
  valuesConfig: {
    RAISED: { description: 'The contract shows the warning sign (a reason to look, not a verdict).' },
    NOT_RAISED: { description: 'Checked with the published fields; the sign is absent.' },
    NOT_APPLICABLE: { description: 'The flag does not apply to this kind of procedure (e.g. single bidder on a direct award).' },
    UNKNOWN: { description: 'Could not be checked: the source does not publish the fields the flag needs.' },
  },
});

@ObjectType({ description: 'One figure a flag was computed from (*dato*), e.g. `days` = 9, `minimumDays` = 15.' })
export class RedFlagFigure {
  @Field({ description: 'What the figure is, e.g. `days`, `minimumDays`, `publishedOn`, `opensOn`, `otherContracts`.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Its value as text (a date YYYY-MM-DD, a whole number, ids separated by spaces).' })
  value: string | null;
}

@ObjectType({ description: 'How a flag is computed (*metodología*): what it reads, its threshold and the source of the threshold.' })
export class RedFlagMethodology {
  @Field({ description: 'What the flag checks, in plain Spanish, with the reminder that it is a reason to look, not a verdict.' })
  descriptionEs: string;

  @Field({ description: 'The same in English.' })
  descriptionEn: string;

  @Field(() => String, {
    nullable: true,
    description: 'The threshold in force (from configuration), e.g. "15 días naturales (licitación nacional)".',
  })
  threshold: string | null;

  @Field({ description: 'Where the threshold or the indicator comes from: the article of law or the published methodology.' })
  source: string;

  @Field(() => [String], { description: 'The published fields read, e.g. `CompraNet FECHA_INICIO`, `OCDS contracts.period.startDate`.' })
  fieldsRead: string[];
}

@ObjectType({ description: 'One flag checked on one contract (*señal de alerta*): what was found, the figures, and how.' })
export class RedFlagCheck {
  @Field(() => RedFlagCode, { description: 'The flag.' })
  code: RedFlagCode;

  @Field(() => RedFlagStatus, { description: 'What the check found; UNKNOWN when the fields it needs are not published.' })
  status: RedFlagStatus;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True when raised, false when checked and absent, null when unknown or not applicable (never "clean" by default).',
  })
  raised: boolean | null;

  @Field({ description: 'Plain-language Spanish label, e.g. "Plazo corto para presentar propuestas".' })
  labelEs: string;

  @Field({ description: 'English label.' })
  labelEn: string;

  @Field(() => String, { nullable: true, description: 'Why it was raised, in plain Spanish with the figures; null unless raised.' })
  reasonEs: string | null;

  @Field(() => [RedFlagFigure], { description: 'The figures the check read and computed (empty when unknown).' })
  figures: RedFlagFigure[];

  @Field(() => RedFlagMethodology, { description: 'How the flag is computed.' })
  methodology: RedFlagMethodology;
}

@ObjectType({
  description:
    'How many contracts one flag could be checked on (*cobertura*) and how many raise it, e.g. "12 de 2,211 contratos pudieron revisarse".',
})
export class RedFlagCoverage {
  @Field(() => RedFlagCode, { description: 'The flag.' })
  code: RedFlagCode;

  @Field({ description: 'Plain-language Spanish label.' })
  labelEs: string;

  @Field({ description: 'English label.' })
  labelEn: string;

  @Field(() => Int, { description: 'Contracts in scope (the filter given, else all).' })
  contracts: number;

  @Field(() => Int, { description: 'Contracts whose published fields let the flag be checked (raised or not).' })
  checked: number;

  @Field(() => Int, { description: 'Contracts that raise the flag.' })
  raised: number;

  @Field(() => Int, { description: 'Contracts to which the flag does not apply (their procedure kind rules it out).' })
  notApplicable: number;

  @Field(() => Int, { description: 'Contracts that could not be checked: `contracts − checked − notApplicable`.' })
  unknown: number;

  @Field(() => Number, { nullable: true, description: 'raised / checked, from 0 to 1; null when none could be checked.' })
  share: number | null;

  @Field({ description: 'The coverage in a sentence, e.g. "12 de 2,211 contratos pudieron revisarse; 3 la muestran."' })
  summaryEs: string;

  @Field(() => RedFlagMethodology, { description: 'How the flag is computed.' })
  methodology: RedFlagMethodology;
}
