import { createHash } from 'node:crypto';
import { type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode, print } from 'graphql';
import { LRUCache } from 'lru-cache';

/** A query document Apollo parsed, validated and let through the limits, with what a cache lookup needs of it. */
export interface AcceptedOperation {
  /** The schema it was validated against: a new schema voids the acceptance. */
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  /** Whether its estimated cost depends on the variables (a `first` given as one), so must be checked per request. */
  costReadsVariables: boolean;
  /** The digest of the normalised (printed) document: the part of a cache key that names the question. */
  digest: string;
  /** The subgraphs it can touch, whose data versions are part of its cache key. */
  subgraphs: string[];
}

/**
 * The query texts this gateway has already accepted, so that a repeated one can be answered from the response cache
 * without being parsed, validated and planned again. Only a text Apollo accepted is remembered, so nothing the
 * validation or the variable-independent limits would refuse can be answered from here; the cost, which depends on
 * the variables, is checked again on every request. Bounded by the length of the texts kept.
 */
export class AcceptedOperations {
  private readonly byText: LRUCache<string, AcceptedOperation>;

  constructor(maxChars: number) {
    this.byText = new LRUCache({ maxSize: maxChars, sizeCalculation: (_entry, key) => key.length });
  }

  get(query: string, operationName: string | undefined): AcceptedOperation | undefined {
    return this.byText.get(textKey(query, operationName));
  }

  remember(query: string, operationName: string | undefined, accepted: AcceptedOperation): void {
    const key = textKey(query, operationName);
    if (key.length <= this.byText.maxSize) this.byText.set(key, accepted);
  }
}

function textKey(query: string, operationName: string | undefined): string {
  return `${operationName ?? ''}\0${query}`;
}

const digests = new WeakMap<DocumentNode, string>();

/**
 * The digest of `print(document)`, so that texts differing only in spacing or comments share cache entries. Apollo
 * keeps one parsed document per text, so the print is paid once per text, not once per request.
 */
export function documentDigest(document: DocumentNode): string {
  let digest = digests.get(document);
  if (digest === undefined) {
    digest = createHash('sha256').update(print(document)).digest('base64url');
    digests.set(document, digest);
  }
  return digest;
}
