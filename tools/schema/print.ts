import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_PORTS, SUBGRAPH_NAMES } from '../../common/config/subgraphs';
import { repositoryRoot } from '../../common/paths';
import { printSubgraphSdl } from '../../subgraphs/kit/federated-schema';
import { SUBGRAPHS } from '../subgraphs';
import { printSupergraphConfig, SUPERGRAPH_CONFIG_FILE } from './supergraph-config';

/** The subgraph SDL files and the composition config (name → URL, rover's format) that tools/schema/compose.ts composes offline. */
export async function subgraphSchemaFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const manifest: Record<string, string> = {};
  for (const name of SUBGRAPH_NAMES) {
    files[`${name}.graphql`] = printSubgraphSdl(await SUBGRAPHS[name].buildSchema());
    manifest[name] = `http://localhost:${DEFAULT_PORTS[name]}/graphql`;
  }
  files[SUPERGRAPH_CONFIG_FILE] = printSupergraphConfig(manifest);
  return files;
}

async function main() {
  const directory = path.join(repositoryRoot, 'schema');
  fs.mkdirSync(directory, { recursive: true });
  for (const [file, content] of Object.entries(await subgraphSchemaFiles())) {
    fs.writeFileSync(path.join(directory, file), content);
    console.log(`wrote schema/${file}`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
