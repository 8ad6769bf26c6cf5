import { registerEnumType } from 'type-graphql';

/** The kinds of item a report can be about: the entities of the other four subgraphs that participation extends. */
export enum TargetType {
  COMMITMENT = 'COMMITMENT',
  ACTION_PLAN = 'ACTION_PLAN',
  BUDGET_PROGRAM = 'BUDGET_PROGRAM',
  CONTRACT = 'CONTRACT',
  TRANSACTION = 'TRANSACTION',
  RECORD = 'RECORD',
  INSTITUTION = 'INSTITUTION',
  STATE = 'STATE',
}

export enum ReportCategory {
  WRONG_FIGURE = 'WRONG_FIGURE',
  MISSING_INFORMATION = 'MISSING_INFORMATION',
  MISSING_DOCUMENT = 'MISSING_DOCUMENT',
  BROKEN_LINK = 'BROKEN_LINK',
  OUTDATED = 'OUTDATED',
  UNCLEAR_LANGUAGE = 'UNCLEAR_LANGUAGE',
  OTHER = 'OTHER',
}

/** Hidden is a visibility, not a status: a hidden report keeps its place in the lifecycle. */
export enum ReportStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  RESOLVED = 'RESOLVED',
  REJECTED = 'REJECTED',
  DUPLICATE = 'DUPLICATE',
}

export enum FlagReason {
  SPAM = 'SPAM',
  OFFENSIVE = 'OFFENSIVE',
  PERSONAL_DATA = 'PERSONAL_DATA',
}

export enum ProgressState {
  PROPOSED = 'PROPOSED',
  CONFIRMED = 'CONFIRMED',
}

/** Anonymous people have no role: they can only report and flag. */
export enum Role {
  SECRETARIAT_MEMBER = 'SECRETARIAT_MEMBER',
  MODERATOR = 'MODERATOR',
  ADMIN = 'ADMIN',
}

export enum Sector {
  GOVERNMENT = 'GOVERNMENT',
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
  GUARANTOR_BODY = 'GUARANTOR_BODY',
}

registerEnumType(TargetType, {
  name: 'TargetType',
  description: 'The kind of item a report is about.',
  valuesConfig: {
    COMMITMENT: { description: 'A commitment, e.g. `MX-TLA-PAL-2016-03` (its state from the id).' },
    ACTION_PLAN: { description: 'An action plan, e.g. `MX-TLA-PAL-2016` (its state from the id).' },
    BUDGET_PROGRAM: { description: 'A budget program in a fiscal year, e.g. `2018:33I005` (federal: no state).' },
    CONTRACT: { description: 'A contract, e.g. `ocds-07smqs-1109/201720005131` (no state).' },
    TRANSACTION: { description: 'A payment or budget measure of a contract (no state).' },
    RECORD: {
      description: 'An archival record, e.g. `MX-CPA-20147/05C.14/5131/2017` (a state when its institution is `MX-GOB-NN` or `MX-OG-NN`).',
    },
    INSTITUTION: { description: 'An institution, e.g. `MX-GOB-29` (a state for a state executive or transparency body).' },
    STATE: { description: 'A state by INEGI code, `01` to `32`.' },
  },
});
registerEnumType(ReportCategory, {
  name: 'ReportCategory',
  description: 'What is wrong with the information (*tipo de problema*).',
  valuesConfig: {
    WRONG_FIGURE: { description: 'A figure is wrong (*cifra incorrecta*).' },
    MISSING_INFORMATION: { description: 'Information is missing (*falta información*).' },
    MISSING_DOCUMENT: { description: 'A document is missing (*falta un documento*).' },
    BROKEN_LINK: { description: 'A link does not work (*enlace roto*).' },
    OUTDATED: { description: 'The information is out of date (*desactualizada*).' },
    UNCLEAR_LANGUAGE: { description: 'The language is unclear (*lenguaje poco claro*).' },
    OTHER: { description: 'Something else (*otro*).' },
  },
});
registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description:
    'Where a report is in its lifecycle: OPEN → ACKNOWLEDGED → RESOLVED | REJECTED | DUPLICATE (an OPEN report may also be closed directly).',
  valuesConfig: {
    OPEN: { description: 'Received, not answered yet (*abierto*).' },
    ACKNOWLEDGED: { description: 'Someone responsible has seen it and is looking into it (*reconocido*).' },
    RESOLVED: { description: 'The information was corrected or completed (*resuelto*).' },
    REJECTED: { description: 'The information was right, or the report was not about it (*rechazado*).' },
    DUPLICATE: { description: 'Another report says the same (*duplicado*): see `duplicateOf`.' },
  },
});
registerEnumType(FlagReason, {
  name: 'FlagReason',
  description: 'Why a report should not be public (*motivo de la denuncia*).',
  valuesConfig: {
    SPAM: { description: 'Advertising or noise.' },
    OFFENSIVE: { description: 'Insults or harassment.' },
    PERSONAL_DATA: { description: 'It exposes personal data.' },
  },
});
registerEnumType(ProgressState, {
  name: 'ProgressState',
  description: 'A progress update is PROPOSED by one sector of a secretariat and CONFIRMED by another.',
  valuesConfig: {
    PROPOSED: { description: 'Proposed by a member of one sector; not counted in `completion` yet.' },
    CONFIRMED: { description: 'Confirmed by a member of another sector of the same state.' },
  },
});
registerEnumType(Role, {
  name: 'Role',
  description: 'What a token lets its holder do (no token: report and flag).',
  valuesConfig: {
    SECRETARIAT_MEMBER: { description: "A member of a state's technical secretariat: answers reports and reports progress in its state." },
    MODERATOR: { description: 'Hides and restores reports, answers any report, reads the audit log.' },
    ADMIN: { description: 'Everything a moderator can, and progress in any state.' },
  },
});
registerEnumType(Sector, {
  name: 'Sector',
  description: 'The three sectors of a local technical secretariat (*Secretariado Técnico Local*).',
  valuesConfig: {
    GOVERNMENT: { description: 'The state government (*gobierno del estado*).' },
    CIVIL_SOCIETY: { description: 'Civil society (*sociedad civil*).' },
    GUARANTOR_BODY: { description: 'The state transparency body (*órgano garante*).' },
  },
});
