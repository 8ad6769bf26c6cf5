import fs from 'node:fs';
import { type ConstDirectiveNode, type DocumentNode, Kind, parse } from 'graphql';
import { type Requirements, requirementsOf } from './requirements';

/**
 * The composed supergraph (schema/supergraph.graphql), read from its file and parsed once: Apollo's gateway takes the
 * text, and what the gateway itself reads of it — the subgraphs and their URLs, the `@requires`, who owns which field
 * (cache/touched-subgraphs.ts) — comes from the one parsed document.
 */
export interface Supergraph {
  sdl: string;
  document: DocumentNode;
  /** The subgraphs it was composed from, by their `join__Graph` value (`BUDGETS`): name and the URL composition recorded. */
  graphs: ReadonlyMap<string, { name: string; url: string | undefined }>;
  requirements: Requirements;
}

export function readSupergraph(file: string): Supergraph {
  return supergraphOf(fs.readFileSync(file, 'utf8'));
}

export function supergraphOf(sdl: string): Supergraph {
  const document = parse(sdl);
  return { sdl, document, graphs: graphsOf(document), requirements: requirementsOf(document) };
}

/** The subgraphs' URLs as composition recorded them, by subgraph name. */
export function subgraphUrls(supergraph: Supergraph): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const { name, url } of supergraph.graphs.values()) if (url !== undefined) urls[name] = url;
  return urls;
}

function graphsOf(document: DocumentNode): Map<string, { name: string; url: string | undefined }> {
  const graphs = new Map<string, { name: string; url: string | undefined }>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((directive) => directive.name.value === 'join__graph');
      const name = graph && argument(graph, 'name');
      if (name) graphs.set(value.name.value, { name, url: argument(graph, 'url') });
    }
  }
  return graphs;
}

/** A directive argument's value as text: an enum value, a string or a boolean. */
export function argument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((candidate) => candidate.name.value === name)?.value;
  if (!value) return undefined;
  if (value.kind === Kind.ENUM || value.kind === Kind.STRING) return value.value;
  if (value.kind === Kind.BOOLEAN) return String(value.value);
  return undefined;
}
