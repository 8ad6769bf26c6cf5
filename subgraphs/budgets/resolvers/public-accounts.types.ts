import { Field, Int, ObjectType } from 'type-graphql';
import { CellConnectionType } from '../../kit/cell-connection';
import { SpendingChain } from '../entities/spending-chain.object';
import { BudgetCode } from '../entities/values.object';

@ObjectType({ description: 'What a cell of a public-account aggregate is; null for dimensions not grouped by.' })
export class PublicAccountKey {
  @Field(() => Int, { nullable: true, description: 'Fiscal year (*ciclo*).' })
  fiscalYear: number | null;

  @Field(() => BudgetCode, { nullable: true, description: 'Ramo (*ramo*): code and name as published in the account.' })
  ramo: BudgetCode | null;

  @Field(() => BudgetCode, { nullable: true, description: 'Program (*programa presupuestario*): full key and name as published.' })
  program: BudgetCode | null;
}

@ObjectType({ description: 'One cell of a public-account aggregate: a combination of the grouped dimensions and its exact sums.' })
export class PublicAccountCell {
  @Field(() => PublicAccountKey, { description: 'The values of the grouped dimensions.' })
  key: PublicAccountKey;

  @Field(() => SpendingChain, {
    description:
      'Approved, modified, accrued and exercised totals of the accounts, summed exactly; committed and paid are not published (null). In real pesos, with `derived` set, when `inPesosOf` was given.',
  })
  amounts: SpendingChain;

  @Field(() => Int, { description: 'How many program accounts the cell sums.' })
  accountCount: number;
}

@ObjectType({ description: 'A page of the cells of a public-account aggregate (offset cursors).' })
export class PublicAccountConnection extends CellConnectionType(PublicAccountCell, 'PublicAccount', 'a public-account aggregate') {
  @Field(() => SpendingChain, {
    description: 'Grand total (*total general*) over every account the filter lets through; in real pesos when asked.',
  })
  total: Promise<SpendingChain>;
}
