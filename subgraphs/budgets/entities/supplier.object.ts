import { Field, Int, ObjectType } from 'type-graphql';

/**
 * A supplier (*proveedor*) as the contracts name it. Suppliers are firms and people outside the institutions catalogue,
 * with no record of their own in any source: one is told apart by the identifier its contracts publish (RFC, RUPC
 * folio) or, without one, by its name, and it is what those contracts say of it.
 */
@ObjectType({
  description:
    'A supplier (*proveedor*) of contracts, told apart by its published identifier (RFC, RUPC folio) or, without one, its name: what its contracts say of it, since no source describes suppliers on their own.',
})
export class Supplier {
  @Field({ description: 'What tells suppliers apart: the published identifier (RFC, RUPC folio), else the name.' })
  key: string;

  @Field(() => String, { nullable: true, description: 'Name as published (one of them, when the spelling varies).' })
  name: string | null;

  @Field(() => Int, { description: 'How many contracts name this supplier (*número de contratos*).' })
  contractCount: number;
}
