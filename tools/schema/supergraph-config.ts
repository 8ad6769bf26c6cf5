import { dump, load } from 'js-yaml';

/**
 * The composition inputs in rover's `supergraph.yaml` format, so `rover supergraph compose --config
 * schema/supergraph.yaml` gives the same supergraph as our offline composer.
 */
export interface SupergraphConfig {
  federation_version: string;
  subgraphs: Record<string, { routing_url: string; schema: { file: string } }>;
}

export const SUPERGRAPH_CONFIG_FILE = 'supergraph.yaml';

export function printSupergraphConfig(urls: Record<string, string>): string {
  const config: SupergraphConfig = {
    federation_version: '=2.14.4',
    subgraphs: Object.fromEntries(
      Object.entries(urls).map(([name, url]) => [name, { routing_url: url, schema: { file: `./${name}.graphql` } }]),
    ),
  };
  return dump(config, { lineWidth: 120 });
}

/** Subgraph name → routing URL, from the file's text. */
export function readSupergraphConfig(text: string): SupergraphConfig {
  const config = load(text) as SupergraphConfig | undefined;
  if (!config?.subgraphs || typeof config.subgraphs !== 'object') throw new Error(`schema/${SUPERGRAPH_CONFIG_FILE} has no subgraphs`);
  return config;
}
