import { archivalCatalogue } from '../../subgraphs/archives/importers/archival-catalogue.format';
import { records } from '../../subgraphs/archives/importers/records.format';
import { allocations } from '../../subgraphs/budgets/importers/allocations.format';
import { compranet } from '../../subgraphs/budgets/importers/compranet.format';
import { consumerPrices } from '../../subgraphs/budgets/importers/consumer-prices.format';
import { cuentaPublica } from '../../subgraphs/budgets/importers/cuenta-publica.format';
import { gdp } from '../../subgraphs/budgets/importers/gdp.format';
import { ocds } from '../../subgraphs/budgets/importers/ocds.format';
import { shcpBudget } from '../../subgraphs/budgets/importers/shcp-budget.format';
import { localActionPlans } from '../../subgraphs/commitments/importers/local-action-plans.format';
import { ogpCommitments } from '../../subgraphs/commitments/importers/ogp-commitments.format';
import { guarantorBodies } from '../../subgraphs/institutions/importers/guarantor-bodies.format';
import { metric } from '../../subgraphs/institutions/importers/metric.format';
import { pefInstitutions } from '../../subgraphs/institutions/importers/pef-institutions.format';
import { stateIndicators } from '../../subgraphs/institutions/importers/state-indicators.format';
import { technicalSecretariats } from '../../subgraphs/institutions/importers/technical-secretariats.format';
import { programmeFigures } from '../../subgraphs/participation/importers/programme-figures.format';
import type { FormatSpec } from '../../subgraphs/kit/import/format';

/**
 * Every format the CLI imports, in the order the format list shows them, each described beside its importer
 * (subgraphs/<name>/importers/<format>.format.ts) and routed to the subgraph that owns what it describes.
 */
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
  programmeFigures,
  pefInstitutions,
  archivalCatalogue,
  records,
];

export function formatNamed(name: string): FormatSpec | undefined {
  return FORMATS.find((format) => format.name === name);
}
