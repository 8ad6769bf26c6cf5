import type { SubgraphName } from './shared/config';
import type { SubgraphDefinition } from './shared/start-subgraph';
import { definition as archives } from './archives/definition';
import { definition as budgets } from './budgets/definition';
import { definition as commitments } from './commitments/definition';
import { definition as institutions } from './institutions/definition';

/** All four subgraphs, for tooling that needs every schema at once (SDL printing, end-to-end tests). */
export const SUBGRAPHS: Record<SubgraphName, SubgraphDefinition> = { institutions, commitments, budgets, archives };
