import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CellConnectionType } from '../../kit/cell-connection';
import { ProcedureKind } from '../entities/procedure-kind.enums';
import { DerivedFigures } from '../entities/spending-chain.object';
import { Institution } from '../entities/federated.stubs';
import { OriginalAmount } from '../entities/values.object';
import type { ProcurementScope } from '../queries/procurement-flags.query';
import { REAL_PESOS_METHOD } from '../queries/real-pesos.query';

export enum ProcurementFlag {
  IN_REAL_PESOS = 'IN_REAL_PESOS',
  NOT_DEFLATED_CURRENCY = 'NOT_DEFLATED_CURRENCY',
  NOT_DEFLATED_UNDATED = 'NOT_DEFLATED_UNDATED',
}

registerEnumType(ProcurementFlag, {
  name: 'ProcurementFlag',
  description: "Something a reader of a procurement cell's values should know before quoting them.",
  valuesConfig: {
    IN_REAL_PESOS: {
      description: 'Derived figures: the values are in real pesos (*pesos constantes*) of another year, not as published (see `derived`).',
    },
    NOT_DEFLATED_CURRENCY: {
      description:
        "`inPesosOf` was asked, but the values are in another currency than MXN and stay as published: the INPC measures Mexican consumer prices, not the currency's.",
    },
    NOT_DEFLATED_UNDATED: {
      description:
        '`inPesosOf` was asked, but some contracts of the cell have no fiscal year, so the values stay as published (nominal pesos of mixed years).',
    },
  },
});

@ObjectType({ description: 'What a procurement cell is; null for dimensions not grouped by.' })
export class ProcurementKey {
  @Field(() => Int, { nullable: true, description: 'Fiscal year (*ejercicio*).' })
  year: number | null;

  @Field(() => Institution, {
    nullable: true,
    description: 'Buying institution (*unidad compradora*), resolved by the institutions subgraph.',
  })
  buyer: Institution | null;

  /** Resolved to a Supplier by the resolver. */
  supplierKey: string | null;

  @Field(() => ProcedureKind, { nullable: true, description: 'Procedure kind (*tipo de procedimiento*).' })
  procedure: ProcedureKind | null;

  /** Resolved to a BudgetProgram by the resolver. */
  programId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Currency of the values (ISO 4217, *moneda*): cells are always split by currency, never added across; null for contracts without a value.',
  })
  currency: string | null;
}

@ObjectType({
  description: 'One cell of a procurement aggregate (*contrataciones*): contract count, value in one currency, and the direct-award share.',
})
export class ProcurementCell {
  @Field(() => ProcurementKey, { description: 'The values of the grouped dimensions and the currency.' })
  key: ProcurementKey;

  @Field(() => Int, { description: 'How many contracts (*número de contratos*).' })
  contractCount: number;

  @Field(() => OriginalAmount, {
    nullable: true,
    description: "Summed value (*monto*) in the cell's currency, exactly; null when no contract states one.",
  })
  value: OriginalAmount | null;

  @Field(() => Int, { description: 'How many were awarded directly (*adjudicación directa*).' })
  directCount: number;

  @Field(() => OriginalAmount, { nullable: true, description: 'Summed value of the direct awards, exactly; null when none states one.' })
  directValue: OriginalAmount | null;

  @Field(() => Float, { nullable: true, description: 'Share of the value awarded directly (direct value / value); null without a value.' })
  directShare: number | null;

  @Field(() => Float, { description: 'Share of the contracts awarded directly (direct count / count).' })
  directCountShare: number;

  @Field(() => DerivedFigures, {
    nullable: true,
    description: `Set when the values are in real pesos of \`inPesosOf\` rather than as published (${REAL_PESOS_METHOD}).`,
  })
  derived: DerivedFigures | null;

  @Field(() => [ProcurementFlag], { description: 'Caveats about the values (see ProcurementFlag).' })
  flags: ProcurementFlag[];

  /** The aggregate the cell belongs to, for its red flags and supplier concentration (procurement-flags.resolver.ts). */
  scope: ProcurementScope;
}

@ObjectType({ description: 'A page of the cells of a procurement aggregate (offset cursors).' })
export class ProcurementConnection extends CellConnectionType(ProcurementCell, 'Procurement', 'a procurement aggregate') {}
