import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ProcedureKind } from '../entities/procedure-kind.enums';
import { ProcurementDimension } from '../queries/procurement-cells.query';
import { SortDirection } from './spending.input';

registerEnumType(ProcurementDimension, {
  name: 'ProcurementDimension',
  description: 'What contracts (CompraNet and OCDS) can be grouped by in `procurement`.',
  valuesConfig: {
    YEAR: { description: 'Fiscal year the contract is charged to (*ejercicio*; see `Contract.fiscalYear`).' },
    BUYER: { description: 'Buying institution (*unidad compradora*), when the source names a federal one.' },
    SUPPLIER: {
      description:
        'Supplier (*proveedor*) by its published identifier (RFC, RUPC folio) or, without one, its name; a contract won by several suppliers counts for each.',
    },
    PROCEDURE: { description: 'Procedure kind (*tipo de procedimiento*), normalised (see ProcedureKind).' },
    PROGRAM: { description: 'Budget program the contract is charged to; a contract charged to two programs counts in both.' },
  },
});

export enum ProcurementOrderBy {
  KEY = 'KEY',
  CONTRACT_COUNT = 'CONTRACT_COUNT',
  VALUE = 'VALUE',
}

registerEnumType(ProcurementOrderBy, {
  name: 'ProcurementOrderBy',
  description: 'What orders procurement cells.',
  valuesConfig: {
    KEY: { description: 'The grouping keys, then the currency.' },
    CONTRACT_COUNT: { description: 'The number of contracts (*número de contratos*).' },
    VALUE: { description: 'The summed value (*monto*); cells without a value come last.' },
  },
});

@InputType({ description: 'How to order procurement cells.' })
export class ProcurementOrderInput {
  @Field(() => ProcurementOrderBy, { nullable: true, description: 'What to order by; KEY unless given.' })
  by?: ProcurementOrderBy | null;

  @Field(() => SortDirection, { nullable: true, description: 'Direction; ascending unless given.' })
  direction?: SortDirection | null;
}

@InputType({ description: 'Which contracts to count; all given criteria must hold.' })
export class ProcurementFilterInput {
  @Field(() => [Int], { nullable: true, description: 'Fiscal years (*ejercicios*).' })
  years?: number[] | null;

  @Field(() => [ID], { nullable: true, description: 'Buying institutions by id (`MX-CPA-…`, `MX-RAMO-…`).' })
  buyers?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Suppliers (*proveedores*) by key: the published identifier, else the name.' })
  suppliers?: string[] | null;

  @Field(() => [ProcedureKind], { nullable: true, description: 'Procedure kinds (*tipos de procedimiento*).' })
  procedures?: ProcedureKind[] | null;

  @Field(() => [ID], { nullable: true, description: 'Budget programs by id, e.g. `2018:20P002`.' })
  programs?: string[] | null;
}
