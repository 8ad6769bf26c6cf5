import { archivalCatalogue, records } from './formats/archives';
import { allocations, compranet, cuentaPublica, ocds, shcpBudget } from './formats/budgets';
import { localActionPlans, ogpCommitments } from './formats/commitments';
import { consumerPrices, gdp } from './formats/economy';
import { guarantorBodies, metric, pefInstitutions, stateIndicators, technicalSecretariats } from './formats/institutions';
import type { FormatSpec } from '../../subgraphs/kit/import/format';

/** Every format the CLI imports, each routed to the subgraph that owns what it describes. */
export const FORMATS: readonly FormatSpec[] = [
  shcpBudget,
  ocds,
  compranet,
  cuentaPublica,
  allocations,
  consumerPrices,
  gdp,
  ogpCommitments,
  localActionPlans,
  metric,
  stateIndicators,
  guarantorBodies,
  technicalSecretariats,
  pefInstitutions,
  archivalCatalogue,
  records,
];

export function formatNamed(name: string): FormatSpec | undefined {
  return FORMATS.find((format) => format.name === name);
}
