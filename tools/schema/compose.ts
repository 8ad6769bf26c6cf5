import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { repositoryRoot } from '../../gateway/config';
import { readSupergraphConfig, SUPERGRAPH_CONFIG_FILE } from './supergraph-config';

/**
 * Offline composition: the subgraph SDL files in schema/ (printed from the code by
 * tools/schema/print.ts) become schema/supergraph.graphql, with no network and no rover.
 */
export function composeSupergraph(files: Record<string, string>): string {
  const { subgraphs } = readSupergraphConfig(files[SUPERGRAPH_CONFIG_FILE] ?? '');
  const result = composeServices(
    Object.entries(subgraphs).map(([name, { routing_url: url, schema }]) => {
      const sdl = files[schema.file.replace(/^\.\//, '')];
      if (sdl === undefined) throw new Error(`schema/${schema.file} is missing: run npm run schema`);
      return { name, url, typeDefs: parse(sdl) };
    }),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `  - ${error.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl.trim()}\n`;
}

export function readSchemaDirectory(directory: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(directory)
      .filter((file) => file !== 'supergraph.graphql' && (file.endsWith('.graphql') || file === SUPERGRAPH_CONFIG_FILE))
      .map((file) => [file, fs.readFileSync(path.join(directory, file), 'utf8')]),
  );
}

if (require.main === module) {
  const directory = path.join(repositoryRoot, 'schema');
  try {
    fs.writeFileSync(path.join(directory, 'supergraph.graphql'), composeSupergraph(readSchemaDirectory(directory)));
    console.log('wrote schema/supergraph.graphql');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
