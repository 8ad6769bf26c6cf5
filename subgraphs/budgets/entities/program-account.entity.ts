import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { moneyColumn, MoneyScalar, type Money } from '../../kit/money';
import { SourceRef } from '../../kit/provenance';
import { budgetCode, BudgetCode } from './values.object';

const money = { type: 'bigint', transformer: moneyColumn } as const;

@ObjectType({ description: "The lines of the Cuenta Pública file that state a program account's figures (1 = the header)." })
export class ProgramAccountLines {
  @Field(() => Int, {
    nullable: true,
    description: "The program-name row that opens the program's block; null when the file gives the program no name.",
  })
  name: number | null;

  @Field(() => Int, { description: 'The *Aprobado* row.' })
  approved: number;

  @Field(() => Int, { description: 'The *Modificado* row.' })
  modified: number;

  @Field(() => Int, { description: 'The *Devengado* row.' })
  accrued: number;

  @Field(() => Int, { description: 'The *Ejercicio* (exercised) row.' })
  exercised: number;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'The federal public account (*Cuenta Pública*) of one budget program in one fiscal year: the approved, modified, ' +
    'accrued and exercised totals exactly as the year-end account publishes them (complete figures, not a sample).',
})
@Entity('program_account')
export class ProgramAccount {
  @Field(() => ID, {
    description:
      'Stable id `<fiscal year>:<ramo 2 digits>:<program as published>`, e.g. `2018:33:I005`. The legislative and ' +
      'judicial ramos (01, 03) are published per body, whose programs share keys (R001): their ids add ' +
      '`@<body>`, e.g. `2018:01:R001@H. Cámara de Diputados`. Natural keys: the same file gives the same ids on every load.',
  })
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Field(() => Int, { description: 'Fiscal year (*ciclo*).' })
  @Index()
  @Column({ type: 'integer' })
  fiscalYear: number;

  @Field({ description: 'Branch or kind of public body (*ente*) as published, e.g. "Poder Ejecutivo", "Órganos Autónomos".' })
  @Column({ type: 'varchar' })
  entity: string;

  @Column({ type: 'varchar' })
  ramoCode: string;

  @Column({ type: 'varchar' })
  ramoName: string;

  @Field(() => String, {
    nullable: true,
    description: 'The group of executive ramos as published: "Ramos Administrativos" or "Ramos Generales"; null for other branches.',
  })
  @Column({ type: 'varchar', nullable: true })
  ramoGroup: string | null;

  @Field({
    description:
      'Program key as published in the account: modality and number, e.g. `I005`; in 2013 a `1-` mark sets apart programs ' +
      "of the budget as passed that the year's reorganisation replaced (approved amount only), e.g. `1-E003`.",
  })
  @Column({ type: 'varchar' })
  programAsPublished: string;

  @Field({
    description:
      'Full program key (*clave del programa presupuestario*): ramo, modality and number, e.g. `33I005` (`041-E003` for a 2013 `1-` program).',
  })
  @Column({ type: 'varchar' })
  key: string;

  /** The BudgetProgram id this account is about (`<year>:<key>`), whether or not the budget sample holds it. */
  @Index()
  @Column({ type: 'varchar' })
  programId: string;

  @Field(() => String, {
    nullable: true,
    description: 'Program name as published in the account, e.g. "FORTAMUN"; null for the few programs it names with an empty cell.',
  })
  @Column({ type: 'varchar', nullable: true })
  name: string | null;

  @Field(() => MoneyScalar, { description: 'Approved (*aprobado*): the budget as passed by Congress (TOTAL of the *Aprobado* row).' })
  @Column(money)
  approved: Money;

  @Field(() => MoneyScalar, { description: 'Modified (*modificado*): the approved budget after in-year adjustments.' })
  @Column(money)
  modified: Money;

  @Field(() => MoneyScalar, { description: 'Accrued (*devengado*): obligations recognised on receipt of goods and services.' })
  @Column(money)
  accrued: Money;

  @Field(() => MoneyScalar, { description: "Exercised (*ejercido*; the file's *Ejercicio* row): the year-end exercised total." })
  @Column(money)
  exercised: Money;

  @Column({ type: 'integer' }) approvedLine: number;
  @Column({ type: 'integer' }) modifiedLine: number;
  @Column({ type: 'integer' }) accruedLine: number;
  @Column({ type: 'integer' }) exercisedLine: number;

  @Field(() => SourceRef, {
    description:
      "The file and the row that opens the program's block (its name row, or its first figure when it has no name); each figure's row is in `lines`.",
  })
  @Column(() => SourceRef)
  source: SourceRef;

  @Field(() => BudgetCode, {
    description:
      'Ramo (*ramo*): the two-digit code and the name as published (for ramos 01 and 03, the body: chamber, audit office or ' +
      "court; the 2020–2023 files label the Tribunal Electoral with the Consejo de la Judicatura Federal's name, and it is given its own).",
  })
  get ramo(): BudgetCode {
    return budgetCode(this.ramoCode, this.ramoName);
  }

  @Field(() => ProgramAccountLines, { description: "The line of each figure's row in the file." })
  get lines(): ProgramAccountLines {
    return {
      name: this.name === null ? null : (this.source.row ?? null),
      approved: this.approvedLine,
      modified: this.modifiedLine,
      accrued: this.accruedLine,
      exercised: this.exercisedLine,
    };
  }
}
