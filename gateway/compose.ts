import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { repositoryRoot } from './config';

/**
 * Offline composition: the subgraph SDL files in schema/ (printed from the code by
 * subgraphs/print-schemas.ts) become schema/supergraph.graphql, with no network and no rover.
 */
export function composeSupergraph(files: Record<string, string>): string {
  const manifest = JSON.parse(files['subgraphs.json']) as Record<string, string>;
  const result = composeServices(
    Object.entries(manifest).map(([name, url]) => {
      const sdl = files[`${name}.graphql`];
      if (sdl === undefined) throw new Error(`schema/${name}.graphql is missing: run npm run schema`);
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
      .filter((file) => file !== 'supergraph.graphql' && (file.endsWith('.graphql') || file === 'subgraphs.json'))
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
