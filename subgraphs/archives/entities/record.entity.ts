import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SourceRef } from '../../kit/provenance';

export enum RecordAccess {
  PUBLIC = 'PUBLIC',
  RESERVED = 'RESERVED',
  CONFIDENTIAL = 'CONFIDENTIAL',
}

registerEnumType(RecordAccess, {
  name: 'RecordAccess',
  description: 'Access classification of a record under the Ley General de Transparencia (*clasificación de la información*).',
  valuesConfig: {
    PUBLIC: { description: 'Public (*pública*): title and documents are shown.' },
    RESERVED: {
      description:
        'Reserved (*reservada*, Art. 113 LGTAIP) until `reservedUntil`: the API shows that the record exists, its code, series, legal basis and term, never its title or documents.',
    },
    CONFIDENTIAL: {
      description:
        'Confidential (*confidencial*, Art. 116 LGTAIP: personal data, fiscal, banking or trade secrets), with no term: shown like a reserved record.',
    },
  },
});

export enum RecordPhase {
  ACTIVE = 'ACTIVE',
  SEMI_ACTIVE = 'SEMI_ACTIVE',
  HISTORICAL = 'HISTORICAL',
  DISPOSED = 'DISPOSED',
}

registerEnumType(RecordPhase, {
  name: 'RecordPhase',
  description:
    "Where a record is in its life cycle (*ciclo vital del documento*), derived from its closing date, its series' retention and today's date.",
  valuesConfig: {
    ACTIVE: { description: "Open, or closed less than the series' active years ago (*archivo de trámite*)." },
    SEMI_ACTIVE: { description: 'In intermediate storage (*archivo de concentración*) until its retention ends.' },
    HISTORICAL: {
      description:
        'Retention over and the series is PRESERVE or SAMPLE (*archivo histórico*). For SAMPLE series the API cannot tell whether this record was among those kept, so it says HISTORICAL rather than claim a destruction no document states.',
    },
    DISPOSED: { description: 'Retention over and the series is DESTROY: due for disposal (*baja documental*).' },
  },
});

export enum RecordDocumentKind {
  MEMO = 'MEMO',
  AGREEMENT = 'AGREEMENT',
  INVOICE = 'INVOICE',
  PAYMENT_ORDER = 'PAYMENT_ORDER',
  REPORT = 'REPORT',
  MINUTES = 'MINUTES',
  RESOLUTION = 'RESOLUTION',
}

registerEnumType(RecordDocumentKind, {
  name: 'RecordDocumentKind',
  description: 'What kind of document a record holds (*tipo documental*).',
  valuesConfig: {
    MEMO: { description: 'Official letter or memo (*oficio*, *memorándum*).' },
    AGREEMENT: { description: 'Contract, purchase order or agreement (*contrato*, *pedido*, *convenio*).' },
    INVOICE: { description: 'Invoice (*factura*, CFDI).' },
    PAYMENT_ORDER: { description: 'Certified payment order (*cuenta por liquidar certificada*, CLC) or payment voucher.' },
    REPORT: { description: 'Report (*informe*), e.g. a quarterly report on federal transfers.' },
    MINUTES: { description: 'Minutes of a meeting or committee session (*acta*).' },
    RESOLUTION: {
      description: "A decision, e.g. a transparency committee's classification ruling (*resolución*, *acuerdo de clasificación*).",
    },
  },
});

@ObjectType({ description: 'A document filed in a record (*documento de archivo*).' })
export class RecordDocument {
  @Field({ description: 'Title or description of the document (*asunto*).' })
  title: string;

  @Field(() => RecordDocumentKind, { description: 'Kind of document (*tipo documental*).' })
  kind: RecordDocumentKind;

  @Field(() => String, { nullable: true, description: 'Date of the document (ISO date), when known.' })
  date: string | null;
}

/**
 * An archival record (*expediente*). The class is not called `Record` so it does not shadow TypeScript's
 * `Record<K, V>`. `title` and `documents` carry no @Field on purpose: the record resolver exposes them
 * only for PUBLIC records, so no query path can read them off the entity.
 */
/** Only a PUBLIC record shows what it is about: its title, documents and subjects. */
export function isDisclosed(record: Pick<ArchivalRecord, 'access'>): boolean {
  return record.access === RecordAccess.PUBLIC;
}

@Directive('@key(fields: "id")')
@ObjectType('Record', {
  description:
    'An archival record (*expediente*): the file an institution keeps on one matter, classified in a series of its disposition ' +
    'catalogue. A RESERVED or CONFIDENTIAL record shows that it exists — its code, holder, series, dates, legal basis and ' +
    'reserve term — and nothing of what it is about, by any route: its `title` is null and its `documents` and `subjects` ' +
    'are empty; a `subjectId` filter never matches it; and the `records` of a Commitment, Contract or Transaction do not ' +
    'list it, since listing it there would name the subject it hides. It is listed by its holder (`Institution.records`), ' +
    'its series and the unfiltered `records`, which say only that it exists.',
})
@Entity('archival_record')
export class ArchivalRecord {
  @Field(() => ID, { description: 'Stable id `<institution id>/<record code>`, e.g. `MX-CPA-20147/05C.14/5131/2017`.' })
  @PrimaryColumn({ type: 'varchar' })
  id: string;

  @Field({ description: "The record's code (*clave* or *código de clasificación del expediente*) within its institution." })
  @Column({ type: 'varchar' })
  code: string;

  @Column({ type: 'varchar' })
  title: string;

  /** The holding institution's id; the `institution` field turns it into an `Institution` reference. */
  @Index()
  @Column({ type: 'varchar' })
  institutionId: string;

  /** The series' code; the `series` field resolves it. */
  @Index()
  @Column({ type: 'varchar' })
  seriesCode: string;

  @Field(() => String, { description: 'When the record was opened (*fecha de apertura*), ISO date.' })
  @Column({ type: 'varchar' })
  openedOn: string;

  @Field(() => String, { nullable: true, description: 'When the record was closed (*fecha de cierre*), ISO date; null while it is open.' })
  @Column({ type: 'varchar', nullable: true })
  closedOn: string | null;

  @Index()
  @Field(() => RecordAccess, { description: 'Access classification (*clasificación*): public, reserved or confidential.' })
  @Column({ type: 'varchar' })
  access: RecordAccess;

  @Field(() => String, { nullable: true, description: 'Last day of the reservation (*plazo de reserva*), ISO date; null unless RESERVED.' })
  @Column({ type: 'varchar', nullable: true })
  reservedUntil: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The legal basis of a reservation or confidentiality (*fundamento legal*), e.g. "Art. 113 fr. VI LGTAIP"; null for public records.',
  })
  @Column({ type: 'varchar', nullable: true })
  legalBasis: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "When the record leaves the active archive (*transferencia primaria*): closedOn + the series' active years, ISO date; null while open.",
  })
  @Column({ type: 'varchar', nullable: true })
  transferDueOn: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'When its retention ends and the final disposition is due (*fecha de destino final*): closedOn + active + semi-active years of the series, ISO date; null while open. A 29 February closing date counts to 28 February in common years.',
  })
  @Column({ type: 'varchar', nullable: true })
  dispositionDueOn: string | null;

  @Column({ type: 'simple-json' })
  documents: RecordDocument[];

  @Field(() => SourceRef, { description: 'Where this record was read from (*procedencia*).' })
  @Column(() => SourceRef)
  source: SourceRef;
}
