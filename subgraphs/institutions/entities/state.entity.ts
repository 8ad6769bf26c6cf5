import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SourceRef } from '../../kit/provenance';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A federal entity of Mexico (*entidad federativa*): one of the 31 states or Mexico City.' })
@Entity('state')
export class State {
  @Field(() => ID, { description: 'INEGI area code (*clave de entidad*), two digits: "29" is Tlaxcala.' })
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Field({ description: 'ISO 3166-2 code, e.g. `MX-TLA`.' })
  @Column({ type: 'varchar' })
  isoCode: string;

  @Field({ description: 'Official short name (*nombre de la entidad*), e.g. "Tlaxcala".' })
  @Column({ type: 'varchar' })
  name: string;

  @Field(() => SourceRef, { description: 'Where the code list comes from (*procedencia*).' })
  @Column(() => SourceRef)
  source: SourceRef;
}
