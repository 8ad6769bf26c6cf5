import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SourceRef } from '../../kit/provenance';

export enum SecretariatSector {
  GOVERNMENT = 'GOVERNMENT',
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
  GUARANTOR_BODY = 'GUARANTOR_BODY',
}

registerEnumType(SecretariatSector, {
  name: 'SecretariatSector',
  description: 'The three sectors a local technical secretariat (*Secretariado Técnico Local*) joins.',
  valuesConfig: {
    GOVERNMENT: { description: 'The state government (*gobierno del estado*).' },
    CIVIL_SOCIETY: { description: 'Civil society (*sociedad civil*).' },
    GUARANTOR_BODY: { description: 'The state transparency body (*órgano garante*).' },
  },
});

@ObjectType({ description: 'A seat in a local technical secretariat (*integrante del Secretariado Técnico Local*).' })
export class SecretariatMember {
  @Field(() => SecretariatSector, { description: 'Which of the three sectors holds the seat (*sector*).' })
  sector: SecretariatSector;

  /** Shown when the member is not an institution we hold; otherwise the institution's name is shown. */
  label: string;

  /** The institution holding the seat, when the source lets us name one. */
  institutionId: string | null;
}

/**
 * The tripartite body (government, civil society, transparency body) that co-creates a state's local action
 * plan under INAI's *Gobierno Abierto: Cocreación desde lo Local*.
 */
@ObjectType({
  description:
    'A local technical secretariat (*Secretariado Técnico Local*, STL): the tripartite body that co-creates a local action plan.',
})
@Entity('technical_secretariat')
export class TechnicalSecretariat {
  /** One secretariat per state in the programme's records. */
  @PrimaryColumn({ type: 'varchar' })
  stateId: string;

  @Field({ description: 'Date the secretariat was installed (*fecha de instalación*), YYYY-MM-DD.' })
  @Column({ type: 'varchar' })
  installedOn: string;

  @Field(() => [SecretariatMember], {
    description: 'Its members by sector (*integrantes*); people are not named because the source does not name them.',
  })
  @Column({ type: 'simple-json' })
  members: SecretariatMember[];

  @Field(() => SourceRef, { description: 'Where the installation date was read (*procedencia*).' })
  @Column(() => SourceRef)
  source: SourceRef;
}
