import { registerEnumType } from 'type-graphql';

/** Shared by the illustrative evaluations and the IRM's ratings of OGP commitments. */
export enum Completion {
  NOT_STARTED = 'NOT_STARTED',
  LIMITED = 'LIMITED',
  SUBSTANTIAL = 'SUBSTANTIAL',
  COMPLETE = 'COMPLETE',
}

registerEnumType(Completion, {
  name: 'Completion',
  description: 'How far a commitment was carried out (*nivel de cumplimiento*).',
  valuesConfig: {
    NOT_STARTED: { description: 'Not started (*no iniciado*).' },
    LIMITED: { description: 'Limited (*limitado*).' },
    SUBSTANTIAL: { description: 'Substantial (*sustancial*).' },
    COMPLETE: { description: 'Complete (*completo*).' },
  },
});
