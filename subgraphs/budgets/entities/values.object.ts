import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A code of an official catalogue with its published name (*clave* and *descripción*).' })
export class BudgetCode {
  @Field({ description: 'The code as the source publishes it (*clave*).' })
  code: string;

  @Field(() => String, { nullable: true, description: 'The published name (*descripción*); null when the source leaves it empty.' })
  name: string | null;
}

export function budgetCode(code: string, name: string | null): BudgetCode {
  return { code, name };
}

@ObjectType({
  description:
    'Object of expenditure (*clasificador por objeto del gasto*): chapter, concept, generic and specific item. ' +
    'Higher levels are the leading digits of the specific item (chapter = first digit, concept = first two).',
})
export class ObjectOfExpenditure {
  @Field(() => BudgetCode, { nullable: true, description: 'Chapter (*capítulo*), e.g. 3000 Servicios generales.' })
  chapter: BudgetCode | null;

  @Field(() => BudgetCode, { nullable: true, description: 'Concept (*concepto*), e.g. 3700.' })
  concept: BudgetCode | null;

  @Field(() => BudgetCode, { nullable: true, description: 'Generic item (*partida genérica*), e.g. 379.' })
  genericItem: BudgetCode | null;

  @Field(() => BudgetCode, { nullable: true, description: 'Specific item (*partida específica*), e.g. 37901.' })
  specificItem: BudgetCode | null;
}

@ObjectType({ description: 'Functional classification (*clasificación funcional del gasto*): group, function and subfunction.' })
export class FunctionalClassification {
  @Field(() => BudgetCode, { description: 'Functional group (*grupo funcional* / finalidad): government, social or economic development.' })
  group: BudgetCode;

  @Field(() => BudgetCode, { description: 'Function (*función*).' })
  function: BudgetCode;

  @Field(() => BudgetCode, { description: 'Subfunction (*subfunción*).' })
  subfunction: BudgetCode;
}

@ObjectType({ description: 'A party of a contract or payment as the OCDS source names it (*proveedor*, *comprador*, *pagador*).' })
export class ContractParty {
  @Field(() => String, { nullable: true, description: 'Identifier as published (an RFC, a CompraNet id, a responsible-unit code).' })
  id: string | null;

  @Field(() => String, { nullable: true, description: 'Name as published.' })
  name: string | null;
}

@ObjectType({ description: 'An amount exactly as the source states it, in its own currency (*importe original*).' })
export class OriginalAmount {
  @Field({
    description:
      'Exact decimal amount written as Money is: two decimals, or three or four when it has them, e.g. "2552.00", "1095187.984".',
  })
  amount: string;

  @Field({ description: 'ISO 4217 currency code as published, e.g. MXN or USD.' })
  currency: string;
}
