import type { SubgraphDefinition } from '../kit/start-subgraph';
import { Allocation } from './entities/allocation.entity';
import { BudgetLine } from './entities/budget-line.entity';
import { BudgetProgram } from './entities/budget-program.entity';
import { ContractProgram } from './entities/contract-program.entity';
import { Contract } from './entities/contract.entity';
import { GrossDomesticProduct } from './entities/gross-domestic-product.entity';
import { PriceIndex } from './entities/price-index.entity';
import { ProgramAccount } from './entities/program-account.entity';
import { ContractSupplier } from './entities/contract-supplier.entity';
import { SpendingRollup } from './entities/spending-rollup.entity';
import { Transaction } from './entities/transaction.entity';
import { searchSources } from './queries/search-results.query';
import { refreshIncompleteRollups } from './queries/spending-rollups.query';
import { loadSample } from './sample';
import { buildSchema } from './schema';

export const definition: SubgraphDefinition = {
  name: 'budgets',
  entities: [
    BudgetProgram,
    BudgetLine,
    Contract,
    ContractProgram,
    Transaction,
    Allocation,
    ProgramAccount,
    PriceIndex,
    GrossDomesticProduct,
    SpendingRollup,
    ContractSupplier,
  ],
  search: searchSources,
  buildSchema,
  loadSample,
  upgrade: refreshIncompleteRollups,
  isEmpty: async (dataSource) => (await dataSource.getRepository(BudgetLine).count()) === 0,
};
