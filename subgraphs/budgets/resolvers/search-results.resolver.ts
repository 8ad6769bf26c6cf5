import { searchResultsResolver } from '../../kit/search-results';
import { BudgetProgram } from '../entities/budget-program.entity';
import { Contract } from '../entities/contract.entity';
import { contractById, programById } from '../loaders';
import { budgetProgramSearch, contractSearch, supplierSearch } from '../queries/search-results.query';
import { Supplier } from '../entities/supplier.object';
import { supplierByKey } from '../loaders/supplier.loader';

export const SearchResultsResolver = searchResultsResolver('budgets', [
  {
    field: 'budgetPrograms',
    node: BudgetProgram,
    name: 'BudgetProgram',
    what: 'budget program',
    description:
      'Budget programs (*programas presupuestarios*), one per fiscal year, whose name, id, key, ramo or modality hold the words (`FORTAMUN` finds `2018:33I005`).',
    kind: budgetProgramSearch.kind,
    loader: programById,
  },
  {
    field: 'contracts',
    node: Contract,
    name: 'Contract',
    what: 'contract',
    description:
      'Contracts (*contratos*) whose title, description, ids, procedure number, or buyer or supplier names as published hold the words.',
    kind: contractSearch.kind,
    loader: contractById,
  },
  {
    field: 'suppliers',
    node: Supplier,
    name: 'Supplier',
    what: 'supplier',
    description:
      'Suppliers (*proveedores*) whose name, in any spelling their contracts publish, or identifier (RFC, RUPC folio) holds the words; each with its contracts.',
    kind: supplierSearch.kind,
    loader: supplierByKey,
  },
]);
