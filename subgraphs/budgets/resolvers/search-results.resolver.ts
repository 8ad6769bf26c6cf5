import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import {
  SearchHitsArgs,
  SearchHitType,
  searchHits,
  searchResultsSchema,
  type SearchHit,
  type SearchResultsShape,
} from '../../kit/search-results';
import { BudgetProgram } from '../entities/budget-program.entity';
import { Contract } from '../entities/contract.entity';
import { contractById, programById } from '../loaders';
import { budgetProgramSearch, contractSearch, supplierSearch } from '../queries/search-results.query';
import { Supplier } from '../entities/supplier.object';
import { supplierByKey } from '../loaders/supplier.loader';

const { SearchResults } = searchResultsSchema('budgets');
const BudgetProgramSearchHit = SearchHitType(BudgetProgram, 'BudgetProgram', 'budget program');
const ContractSearchHit = SearchHitType(Contract, 'Contract', 'contract');
const SupplierSearchHit = SearchHitType(Supplier, 'Supplier', 'supplier');

@Resolver(() => SearchResults)
export class SearchResultsResolver {
  @FieldResolver(() => [BudgetProgramSearchHit], {
    nullable: true,
    description:
      'Budget programs (*programas presupuestarios*), one per fiscal year, whose name, id, key, ramo or modality hold the words (`FORTAMUN` finds `2018:33I005`).',
  })
  budgetPrograms(
    @Root() results: SearchResultsShape,
    @Args() { first }: SearchHitsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SearchHit<BudgetProgram>[]> {
    return searchHits(ctx, budgetProgramSearch.kind, results, first, programById(ctx));
  }

  @FieldResolver(() => [ContractSearchHit], {
    nullable: true,
    description:
      'Contracts (*contratos*) whose title, description, ids, procedure number, or buyer or supplier names as published hold the words.',
  })
  contracts(
    @Root() results: SearchResultsShape,
    @Args() { first }: SearchHitsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SearchHit<Contract>[]> {
    return searchHits(ctx, contractSearch.kind, results, first, contractById(ctx));
  }

  @FieldResolver(() => [SupplierSearchHit], {
    nullable: true,
    description:
      'Suppliers (*proveedores*) whose name, in any spelling their contracts publish, or identifier (RFC, RUPC folio) holds the words; each with its contracts.',
  })
  suppliers(
    @Root() results: SearchResultsShape,
    @Args() { first }: SearchHitsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SearchHit<Supplier>[]> {
    return searchHits(ctx, supplierSearch.kind, results, first, supplierByKey(ctx));
  }
}
