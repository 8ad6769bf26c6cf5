import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SourceRef } from '../../kit/provenance';
import { budgetCode, BudgetCode } from './values.object';

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A federal budget program (*programa presupuestario*) in one fiscal year, derived from the budget lines that carry its key.',
})
@Entity('budget_program')
export class BudgetProgram {
  @Field(() => ID, { description: 'Stable id `<fiscal year>:<ramo 2 digits><modality><program 3 digits>`, e.g. `2018:33I005` (FORTAMUN).' })
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Field(() => Int, { description: 'Fiscal year (*ciclo*).' })
  @Column({ type: 'integer' })
  fiscalYear: number;

  @Field({ description: 'Program key (*clave del programa presupuestario*): ramo, modality and number, e.g. `33I005`.' })
  @Column({ type: 'varchar' })
  key: string;

  @Field({ description: 'Program name as published (*desc_pp*).' })
  @Column({ type: 'varchar' })
  name: string;

  @Column({ type: 'varchar' }) ramoCode: string;
  @Column({ type: 'varchar' }) ramoName: string;
  @Column({ type: 'varchar' }) modalityCode: string;
  @Column({ type: 'varchar' }) modalityName: string;

  @Field(() => SourceRef, { description: 'The first budget line that names this program (file and line).' })
  @Column(() => SourceRef)
  source: SourceRef;

  @Field(() => BudgetCode, { description: 'Ramo (*ramo*, the administrative branch), code with two digits and name.' })
  get ramo(): BudgetCode {
    return budgetCode(this.ramoCode, this.ramoName);
  }

  @Field(() => BudgetCode, {
    description: 'Program modality (*modalidad*), e.g. I = federalised spending, S = subject to operating rules.',
  })
  get modality(): BudgetCode {
    return budgetCode(this.modalityCode, this.modalityName);
  }
}
