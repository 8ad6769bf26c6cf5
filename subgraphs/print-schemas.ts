import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_PORTS, repositoryRoot, SUBGRAPH_NAMES } from './shared/config';
import { printSubgraphSdl } from './shared/federated-schema';
import { SUBGRAPHS } from './definitions';

/** The subgraph SDL files and the manifest (name → URL) that gateway/compose.ts composes offline. */
export async function subgraphSchemaFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const manifest: Record<string, string> = {};
  for (const name of SUBGRAPH_NAMES) {
    files[`${name}.graphql`] = printSubgraphSdl(await SUBGRAPHS[name].buildSchema());
    manifest[name] = `http://localhost:${DEFAULT_PORTS[name]}/graphql`;
  }
  files['subgraphs.json'] = `${JSON.stringify(manifest, null, 2)}\n`;
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
