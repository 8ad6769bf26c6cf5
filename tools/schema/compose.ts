import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import { repositoryRoot } from '../../gateway/config';
import { readSupergraphConfig, SUPERGRAPH_CONFIG_FILE } from './supergraph-config';

/** What composition writes: the supergraph the gateway serves, and the API schema clients see (for code generators). */
export const COMPOSED_FILES = ['supergraph.graphql', 'api.graphql'] as const;

/**
 * Offline composition: the subgraph SDL files in schema/ (printed from the code by
 * tools/schema/print.ts) become schema/supergraph.graphql, with no network and no rover, and
 * schema/api.graphql: the same API without federation's machinery, which client tools read.
 */
export function composeSupergraph(files: Record<string, string>): Record<(typeof COMPOSED_FILES)[number], string> {
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
  return {
    'supergraph.graphql': `${result.supergraphSdl.trim()}\n`,
    'api.graphql': `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema()).trim()}\n`,
  };
}

export function readSchemaDirectory(directory: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(directory)
      .filter(
        (file) => !(COMPOSED_FILES as readonly string[]).includes(file) && (file.endsWith('.graphql') || file === SUPERGRAPH_CONFIG_FILE),
      )
      .map((file) => [file, fs.readFileSync(path.join(directory, file), 'utf8')]),
  );
}

if (require.main === module) {
  const directory = path.join(repositoryRoot, 'schema');
  try {
    for (const [file, content] of Object.entries(composeSupergraph(readSchemaDirectory(directory)))) {
      fs.writeFileSync(path.join(directory, file), content);
      console.log(`wrote schema/${file}`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
