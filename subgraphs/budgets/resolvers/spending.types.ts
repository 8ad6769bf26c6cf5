import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CellConnectionType } from '../../kit/cell-connection';
import type { Moments } from '../entities/spending-chain.object';
import { SpendingChain } from '../entities/spending-chain.object';
import { stateRef, State } from '../entities/federated.stubs';
import { institutionRef, Institution } from '../entities/federated.stubs';
import { budgetCode, BudgetCode } from '../entities/values.object';
import type { CellRow } from '../queries/spending-cells.query';

/** The grouping keys of one cell; a dimension the aggregate is not grouped by is null. */
@ObjectType({
  description: 'What a cell of an aggregate is (*llave*): its value of each grouped dimension; null for dimensions not grouped by.',
})
export class SpendingKey {
  constructor(private readonly row: Pick<CellRow, 'keys' | 'names'>) {}

  private key(column: string): string | null {
    const value = this.row.keys[column];
    return value === undefined || value === null ? null : String(value);
  }

  private code(column: string, name: string): BudgetCode | null {
    const code = this.key(column);
    return code === null ? null : budgetCode(code, this.row.names[name] ?? null);
  }

  /** The program id, resolved to a BudgetProgram by the resolver. */
  get programId(): string | null {
    return this.key('programId');
  }

  @Field(() => Int, { nullable: true, description: 'Fiscal year (*ciclo*).' })
  get fiscalYear(): number | null {
    const year = this.row.keys.fiscalYear;
    return year === undefined || year === null ? null : Number(year);
  }

  @Field(() => State, {
    nullable: true,
    description: 'State (*entidad federativa*), resolved by the institutions subgraph; null abroad or not distributable (see `geography`).',
  })
  get state(): State | null {
    const id = this.key('stateId');
    return id === null ? null : stateRef(id);
  }

  @Field(() => String, {
    nullable: true,
    description: 'Geography as published (*entidad federativa*): the state, "En el Extranjero" or "No Distribuible Geográficamente".',
  })
  get geography(): string | null {
    return this.key('geography');
  }

  @Field(() => BudgetCode, { nullable: true, description: 'Ramo (*ramo*): two-digit code and name.' })
  get ramo(): BudgetCode | null {
    return this.code('ramoCode', 'ramoName');
  }

  @Field(() => Institution, {
    nullable: true,
    description: 'Responsible unit (*unidad responsable*) as an institution (`MX-CPA-…`), resolved by the institutions subgraph.',
  })
  get institution(): Institution | null {
    const id = this.key('institutionId');
    return id === null ? null : institutionRef(id);
  }

  @Field(() => String, { nullable: true, description: 'Name of the responsible unit as the budget file publishes it (*desc_ur*).' })
  get unitName(): string | null {
    return this.row.names.unitName ?? null;
  }

  @Field(() => BudgetCode, { nullable: true, description: 'Program modality (*modalidad*).' })
  get modality(): BudgetCode | null {
    return this.code('modalityCode', 'modalityName');
  }

  @Field(() => BudgetCode, { nullable: true, description: 'Chapter of the object of expenditure (*capítulo*).' })
  get chapter(): BudgetCode | null {
    return this.code('chapterCode', 'chapterName');
  }

  @Field(() => BudgetCode, { nullable: true, description: 'Concept of the object of expenditure (*concepto*).' })
  get concept(): BudgetCode | null {
    return this.code('conceptCode', 'conceptName');
  }

  @Field(() => BudgetCode, { nullable: true, description: 'Generic item of the object of expenditure (*partida genérica*).' })
  get genericItem(): BudgetCode | null {
    return this.code('genericItemCode', 'genericItemName');
  }

  @Field(() => BudgetCode, { nullable: true, description: 'Funding source (*fuente de financiamiento*).' })
  get fundingSource(): BudgetCode | null {
    return this.code('fundingSourceCode', 'fundingSourceName');
  }

  @Field(() => BudgetCode, { nullable: true, description: 'Expense type (*tipo de gasto*).' })
  get expenseType(): BudgetCode | null {
    return this.code('expenseTypeCode', 'expenseTypeName');
  }

  @Field(() => BudgetCode, { nullable: true, description: 'Function (*función*) of the functional classification.' })
  get function(): BudgetCode | null {
    return this.code('functionCode', 'functionName');
  }
}

@ObjectType({
  description:
    'Moments as a share of the nominal gross domestic product of the year (*porcentaje del PIB*), as fractions (0.01 = 1 %); computed on the published (nominal) figures.',
})
export class GdpShares {
  @Field(() => Float, { nullable: true, description: 'Approved (*aprobado*) / GDP.' })
  approved: number | null;

  @Field(() => Float, { nullable: true, description: 'Modified (*modificado*) / GDP.' })
  modified: number | null;

  @Field(() => Float, { nullable: true, description: 'Accrued (*devengado*) / GDP.' })
  accrued: number | null;

  @Field(() => Float, { nullable: true, description: 'Exercised (*ejercido*) / GDP.' })
  exercised: number | null;

  @Field(() => Float, { nullable: true, description: 'Paid (*pagado*) / GDP.' })
  paid: number | null;
}

@ObjectType({ description: 'One cell of a spending aggregate (*celda*): a combination of the grouped dimensions and its sums.' })
export class SpendingCell {
  @Field(() => SpendingKey, { description: 'The values of the grouped dimensions.' })
  key: SpendingKey;

  @Field(() => SpendingChain, {
    description: 'The exact sums of the budget lines in the cell; in real pesos, with `derived` set, when `inPesosOf` was given.',
  })
  amounts: SpendingChain;

  @Field(() => Int, { description: 'How many budget lines the cell sums (*renglones*).' })
  lineCount: number;

  /** The published figures, for shares of GDP (which are nominal). */
  nominal: Moments;

  /** The one fiscal year of the cell's lines, when the grouping or the filter pins it. */
  year: number | null;
}

@ObjectType({
  description:
    'A page of the cells of a spending aggregate (offset cursors over cells, which are bounded by the catalogues, not by the number of budget lines).',
})
export class SpendingConnection extends CellConnectionType(SpendingCell, 'Spending', 'a spending aggregate') {
  @Field(() => SpendingChain, {
    description: 'Grand total (*total general*) over every line the filter lets through, whatever the page; in real pesos when asked.',
  })
  total: Promise<SpendingChain>;
}
