import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SourceRef } from '../../kit/provenance';

export enum InstitutionKind {
  EXECUTIVE = 'EXECUTIVE',
  LEGISLATIVE = 'LEGISLATIVE',
  JUDICIAL = 'JUDICIAL',
  AUTONOMOUS = 'AUTONOMOUS',
  POLITICAL_PARTY = 'POLITICAL_PARTY',
  TRUST = 'TRUST',
  UNION = 'UNION',
  MUNICIPALITY = 'MUNICIPALITY',
  OTHER = 'OTHER',
}

registerEnumType(InstitutionKind, {
  name: 'InstitutionKind',
  description: 'What kind of obliged body (*tipo de sujeto obligado*) an institution is.',
  valuesConfig: {
    EXECUTIVE: { description: 'Executive branch (*Poder Ejecutivo*): ministries, their decentralised bodies and units.' },
    LEGISLATIVE: { description: 'Legislative branch (*Poder Legislativo*).' },
    JUDICIAL: { description: 'Judicial branch and tribunals (*Poder Judicial*, *tribunales*).' },
    AUTONOMOUS: {
      description: 'Constitutionally autonomous body (*órgano constitucional autónomo*), e.g. INE, INAI, a state transparency body.',
    },
    POLITICAL_PARTY: { description: 'Political party (*partido político*).' },
    TRUST: { description: 'Public trust or fund (*fideicomiso*, *fondo público*).' },
    UNION: { description: 'Trade union receiving public money (*sindicato*).' },
    MUNICIPALITY: { description: 'Municipal government (*ayuntamiento*).' },
    OTHER: { description: 'Anything else, e.g. a general-purpose budget branch (*ramo general*) or a state-owned company.' },
  },
});

export enum GovernmentOrder {
  FEDERAL = 'FEDERAL',
  STATE = 'STATE',
  MUNICIPAL = 'MUNICIPAL',
}

registerEnumType(GovernmentOrder, {
  name: 'GovernmentOrder',
  description: 'Order of government (*orden de gobierno*) an institution belongs to.',
  valuesConfig: {
    FEDERAL: { description: 'Federal (*federal*).' },
    STATE: { description: 'State (*estatal*).' },
    MUNICIPAL: { description: 'Municipal (*municipal*).' },
  },
});

@ObjectType({ description: 'An identifier of an institution in some public scheme (*clave*).' })
export class InstitutionIdentifier {
  @Field({ description: 'The scheme, e.g. `MX-CPA` (SHCP responsible-unit code, as used by OCDS) or `MX-RAMO` (budget branch, *ramo*).' })
  scheme: string;

  @Field({ description: 'The code within the scheme, e.g. `12M7F` or `12`.' })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A public institution (*sujeto obligado*): a budget branch, a responsible unit, a state executive, a transparency body…',
})
@Entity('institution')
export class Institution {
  @Field(() => ID, { description: 'Stable id: `MX-RAMO-12`, `MX-CPA-12M7F`, `MX-GOB-29`, `MX-OG-29` (see docs/federation-contract.md).' })
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Field({ description: 'Official name (*denominación*).' })
  @Column({ type: 'varchar' })
  name: string;

  /** Name without accents, lower-cased: `nameContains` matches the same way on SQLite and PostgreSQL. */
  @Index()
  @Column({ type: 'varchar' })
  searchName: string;

  @Field(() => String, { nullable: true, description: 'Acronym (*siglas*), e.g. "CAIPTLAX".' })
  @Column({ type: 'varchar', nullable: true })
  acronym: string | null;

  @Field(() => InstitutionKind, { description: 'Kind of obliged body (*tipo de sujeto obligado*).' })
  @Index()
  @Column({ type: 'varchar' })
  kind: InstitutionKind;

  @Field(() => GovernmentOrder, { description: 'Order of government (*orden de gobierno*).' })
  @Index()
  @Column({ type: 'varchar', name: 'government_order' })
  order: GovernmentOrder;

  @Index()
  @Column({ type: 'varchar', nullable: true })
  stateId: string | null;

  @Index()
  @Column({ type: 'varchar', nullable: true })
  parentId: string | null;

  @Column({ type: 'varchar', nullable: true })
  successorId: string | null;

  @Field(() => [InstitutionIdentifier], { description: 'Codes of this institution in public schemes (*claves*).' })
  @Column({ type: 'simple-json' })
  identifiers: InstitutionIdentifier[];

  @Field(() => String, { nullable: true, description: 'Website (*sitio web*) as a URL, as the source gives it.' })
  @Column({ type: 'varchar', nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true, description: 'Date the institution was created (*fecha de creación*), YYYY-MM-DD, when known.' })
  @Column({ type: 'varchar', nullable: true })
  validFrom: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Date the institution was dissolved (*fecha de extinción*), YYYY-MM-DD; null while it exists or when unknown.',
  })
  @Column({ type: 'varchar', nullable: true })
  validTo: string | null;

  @Field(() => SourceRef, { description: 'Where the institution was read (*procedencia*).' })
  @Column(() => SourceRef)
  source: SourceRef;
}
