import { registerEnumType } from 'type-graphql';

export enum CommitmentKind {
  ACTION_PLAN = 'ACTION_PLAN',
  PROACTIVE = 'PROACTIVE',
  OGP_ACTION_PLAN = 'OGP_ACTION_PLAN',
}

/** The fourteen aims (a–n) of the joint declaration (*declaración conjunta*) a commitment can pursue. */
export enum CommitmentTheme {
  FOLLOW_THE_MONEY = 'FOLLOW_THE_MONEY',
  NATIONAL_OGP = 'NATIONAL_OGP',
  ACCESS_TO_INFORMATION = 'ACCESS_TO_INFORMATION',
  INFORMATION_AVAILABILITY = 'INFORMATION_AVAILABILITY',
  RESOURCE_TRANSPARENCY = 'RESOURCE_TRANSPARENCY',
  ACCOUNTABILITY = 'ACCOUNTABILITY',
  CITIZEN_PARTICIPATION = 'CITIZEN_PARTICIPATION',
  OPENNESS_POLICIES = 'OPENNESS_POLICIES',
  FEEDBACK_CHANNELS = 'FEEDBACK_CHANNELS',
  CO_CREATION_TOOLS = 'CO_CREATION_TOOLS',
  OPEN_DATA_PLAIN_LANGUAGE = 'OPEN_DATA_PLAIN_LANGUAGE',
  PLAIN_INSTRUMENTS = 'PLAIN_INSTRUMENTS',
  COLLABORATIVE_INFORMATION = 'COLLABORATIVE_INFORMATION',
  RECORDS_MANAGEMENT = 'RECORDS_MANAGEMENT',
}

export enum CommitmentStage {
  DIAGNOSIS = 'DIAGNOSIS',
  OPENING_COMMITTEE = 'OPENING_COMMITTEE',
  SHARED_AGENDA = 'SHARED_AGENDA',
  IMPLEMENTATION = 'IMPLEMENTATION',
  VERIFICATION = 'VERIFICATION',
}

export enum EvaluationKind {
  PRELIMINARY = 'PRELIMINARY',
  CLOSING = 'CLOSING',
}

registerEnumType(CommitmentKind, {
  name: 'CommitmentKind',
  description:
    "Whether a commitment is a local plan's numbered commitment, a proactive one (*compromiso proactivo*) or one of an OGP action plan.",
  valuesConfig: {
    ACTION_PLAN: { description: 'A numbered commitment of the action plan (*compromiso del PAL*).' },
    PROACTIVE: { description: 'A proactive commitment (*compromiso proactivo*) adopted beside the plan, without a number.' },
    OGP_ACTION_PLAN: {
      description:
        'A commitment of an Open Government Partnership action plan of a country or locality (*compromiso de un plan de acción de la Alianza para el Gobierno Abierto*), from the IRM dataset; its plan is `ogpActionPlan`.',
    },
  },
});

registerEnumType(CommitmentTheme, {
  name: 'CommitmentTheme',
  description:
    'The fourteen aims (a–n) of the joint declaration (*declaración conjunta para la implementación de acciones de gobierno abierto*).',
  valuesConfig: {
    FOLLOW_THE_MONEY: { description: '(a) Follow the public money (*seguimiento de los recursos públicos*).' },
    NATIONAL_OGP: { description: '(b) Link to the national Open Government Partnership plan (*Alianza para el Gobierno Abierto*).' },
    ACCESS_TO_INFORMATION: { description: '(c) The right of access to information (*derecho de acceso a la información*).' },
    INFORMATION_AVAILABILITY: { description: '(d) Available, useful public information (*disponibilidad de la información*).' },
    RESOURCE_TRANSPARENCY: { description: '(e) Transparency of public resources (*transparencia en el uso de los recursos*).' },
    ACCOUNTABILITY: { description: '(f) Accountability (*rendición de cuentas*).' },
    CITIZEN_PARTICIPATION: { description: '(g) Citizen participation (*participación ciudadana*).' },
    OPENNESS_POLICIES: { description: '(h) Openness policies (*políticas de apertura*).' },
    FEEDBACK_CHANNELS: { description: '(i) Channels for citizen feedback (*mecanismos de retroalimentación*).' },
    CO_CREATION_TOOLS: { description: '(j) Tools for co-creation (*herramientas de cocreación*).' },
    OPEN_DATA_PLAIN_LANGUAGE: { description: '(k) Open data in plain language (*datos abiertos y lenguaje ciudadano*).' },
    PLAIN_INSTRUMENTS: { description: '(l) Simple, accessible instruments (*instrumentos sencillos*).' },
    COLLABORATIVE_INFORMATION: { description: '(m) Information built collaboratively (*información colaborativa*).' },
    RECORDS_MANAGEMENT: { description: '(n) Records management (*gestión documental y archivos*).' },
  },
});

registerEnumType(CommitmentStage, {
  name: 'CommitmentStage',
  description: 'The step of the five-step local open-government model (*modelo de cinco etapas*) a commitment has reached.',
  valuesConfig: {
    DIAGNOSIS: { description: 'Diagnosis (*diagnóstico*).' },
    OPENING_COMMITTEE: { description: 'Opening committee (*comité de apertura*).' },
    SHARED_AGENDA: { description: 'Shared agenda (*agenda compartida*).' },
    IMPLEMENTATION: { description: 'Implementation (*implementación*).' },
    VERIFICATION: { description: 'Verification and follow-up (*verificación y seguimiento*).' },
  },
});

registerEnumType(EvaluationKind, {
  name: 'EvaluationKind',
  description: 'Which evaluation of a commitment (*evaluación*).',
  valuesConfig: {
    PRELIMINARY: { description: 'Preliminary evaluation (*evaluación preliminar*), during implementation.' },
    CLOSING: { description: 'Closing evaluation (*evaluación de cierre*), at the end of the plan.' },
  },
});
