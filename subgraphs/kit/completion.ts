import { registerEnumType } from 'type-graphql';

/**
 * The IRM completion scale two subgraphs declare: commitments rates its evaluations and the IRM's findings with it,
 * participation its confirmed progress (and takes it as input). One definition, so the two SDLs cannot disagree —
 * composition takes an enum used as input only when both subgraphs give it the same values.
 */
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
