import type { SubgraphName } from '../common/config/subgraphs';
import type { SubgraphDefinition } from '../subgraphs/kit/start-subgraph';
import { definition as archives } from '../subgraphs/archives/definition';
import { definition as budgets } from '../subgraphs/budgets/definition';
import { definition as commitments } from '../subgraphs/commitments/definition';
import { definition as institutions } from '../subgraphs/institutions/definition';
import { definition as participation } from '../subgraphs/participation/definition';

/** All five subgraphs, for tooling that needs every schema at once (SDL printing, end-to-end tests). */
export const SUBGRAPHS: Record<SubgraphName, SubgraphDefinition> = { institutions, commitments, budgets, archives, participation };
