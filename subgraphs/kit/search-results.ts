import type DataLoader from 'dataloader';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  Float,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  type ClassType,
} from 'type-graphql';
import type { SubgraphName } from '../../common/config/subgraphs';
import type { SubgraphContext } from './context';
import type { ReferenceResolvers } from './references';
import { DEFAULT_SEARCH_HITS, findSearchItems, MAX_SEARCH_HITS, MAX_SEARCH_TEXT_LENGTH, searchWords } from './search';

export interface SearchResultsShape {
  text: string;
}

interface SearchResultsSchema {
  SearchResults: ClassType<SearchResultsShape>;
  resolvers: Function[];
  referenceResolvers: ReferenceResolvers;
}

const built = new Map<SubgraphName, SearchResultsSchema>();

/**
 * `Query.search`, which every subgraph answers alike (it is shareable), and the `SearchResults` entity keyed by the
 * text, to which each subgraph adds its own hit lists: the gateway asks the subgraphs for their lists in parallel.
 * Memoised, since type-graphql keeps one global registry of decorated classes.
 */
export function searchResultsSchema(subgraph: SubgraphName): SearchResultsSchema {
  const known = built.get(subgraph);
  if (known) return known;

  @Directive('@key(fields: "text")')
  @ObjectType('SearchResults', {
    description:
      'What a search found (*resultados de búsqueda*), one ranked list per kind of item; each subgraph adds the lists of the items it owns. A list is null when its subgraph cannot answer: the others still do.',
  })
  class SearchResults {
    @Field({ description: 'The text searched for, as given.' })
    text: string;
  }

  @Resolver(() => SearchResults)
  class SearchQueryResolver {
    @Directive('@shareable')
    @Query(() => SearchResults, {
      description:
        'Searches the whole graph (*búsqueda*): commitments and action plans, budget programs, contracts and suppliers, institutions and states, archival series and records. Spanish, accent- and case-insensitive (`educacion` finds *Educación*); every word must occur, the last one also as a prefix; each list is ranked, title words above other words.',
    })
    search(
      @Arg('text', {
        description: `Words to look for (at most ${MAX_SEARCH_TEXT_LENGTH} characters); punctuation and operators only separate words.`,
      })
      text: string,
    ): SearchResultsShape {
      searchWords(text);
      return { text };
    }
  }

  const schema: SearchResultsSchema = {
    SearchResults,
    resolvers: [SearchQueryResolver],
    referenceResolvers: { SearchResults: { __resolveReference: (reference) => ({ text: String(reference.text) }) } },
  };
  built.set(subgraph, schema);
  return schema;
}

@ArgsType()
class SearchHitsArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_SEARCH_HITS,
    description: `How many hits to return, best first (default ${DEFAULT_SEARCH_HITS}, at most ${MAX_SEARCH_HITS}).`,
  })
  first: number;
}

interface SearchHit<T> {
  rank: number;
  score: number;
  node: T;
}

/** Builds the `<Name>SearchHit` object type: one found item with its place in the list. */
function SearchHitType<T extends object>(node: ClassType<T>, name: string, what: string): ClassType<SearchHit<T>> {
  @ObjectType(`${name}SearchHit`, { description: `One ${what} a search found, with its place in the ranking.` })
  class SearchHitClass {
    @Field(() => Int, { description: 'Place in the list, 1 for the best match.' })
    rank: number;

    @Field(() => Float, {
      description:
        'Relevance (higher is better): words in the title count ten times words elsewhere. Comparable only within one list, and it differs between the SQLite and PostgreSQL engines.',
    })
    score: number;

    @Field(() => node, { description: `The ${what}.` })
    node: T;
  }
  return SearchHitClass;
}

/** A subgraph's hit list of one kind: the ranked ids from its search rows, then the items through their loader. */
async function searchHits<T>(
  ctx: SubgraphContext,
  kind: string,
  results: SearchResultsShape,
  first: number,
  loader: DataLoader<string, T | null>,
): Promise<SearchHit<T>[]> {
  const found = await findSearchItems(ctx, kind, results.text, first);
  const nodes = await loader.loadMany(found.map((item) => item.id));
  const hits: SearchHit<T>[] = [];
  found.forEach((item, i) => {
    const node = nodes[i];
    if (node instanceof Error) throw node;
    if (node !== null) hits.push({ rank: hits.length + 1, score: item.score, node });
  });
  return hits;
}

/** One hit list a subgraph adds to `SearchResults`: the items of one kind of search row. */
export interface SearchList<T extends object> {
  /** The field on `SearchResults`, e.g. `contracts`. */
  field: string;
  /** The item type, named `<name>SearchHit` in its hits; `what` names one item in the descriptions. */
  node: ClassType<T>;
  name: string;
  what: string;
  description: string;
  /** The kind of the search rows (a `*.query.ts` search definition's `kind`). */
  kind: string;
  loader: (ctx: SubgraphContext) => DataLoader<string, T | null>;
}

/**
 * The resolver of a subgraph's hit lists on `SearchResults`, one field each, in the order given (the order of the
 * printed schema). Built with the decorators called as functions, since the fields are named by the subgraph.
 */
export function searchResultsResolver(subgraph: SubgraphName, lists: SearchList<object>[]): Function {
  const { SearchResults } = searchResultsSchema(subgraph);
  const hitTypes = lists.map((list) => SearchHitType(list.node, list.name, list.what));

  @Resolver(() => SearchResults)
  class SearchResultsResolver {}

  lists.forEach((list, i) => {
    const prototype = SearchResultsResolver.prototype as unknown as Record<string, unknown>;
    prototype[list.field] = (results: SearchResultsShape, { first }: SearchHitsArgs, ctx: SubgraphContext) =>
      searchHits(ctx, list.kind, results, first, list.loader(ctx));
    const descriptor = Object.getOwnPropertyDescriptor(prototype, list.field) as PropertyDescriptor;
    Ctx()(prototype, list.field, 2);
    Args(() => SearchHitsArgs)(prototype, list.field, 1);
    Root()(prototype, list.field, 0);
    FieldResolver(() => [hitTypes[i]], { nullable: true, description: list.description })(prototype, list.field, descriptor);
  });
  return SearchResultsResolver;
}
