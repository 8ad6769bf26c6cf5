import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, type DefinitionNode } from 'graphql';
import { COMPOSED_FILES, composeSupergraph, readSchemaDirectory } from '../../tools/schema/compose';
import { subgraphSchemaFiles } from '../../tools/schema/print';

const schemaDirectory = path.resolve(__dirname, '../../schema');
const checkedIn = (file: string) =>
  fs.existsSync(path.join(schemaDirectory, file)) ? fs.readFileSync(path.join(schemaDirectory, file), 'utf8') : '';
const outOfDate = (file: string) => `schema/${file} differs from what the code produces: run \`npm run schema\` and commit it`;

describe('schema/ is what the code produces', () => {
  test('each subgraph SDL and the manifest', async () => {
    const generated = await subgraphSchemaFiles();
    const drifted = Object.entries(generated).filter(([file, content]) => checkedIn(file) !== content);
    expect(drifted.map(([file]) => outOfDate(file))).toEqual([]);
    const stale = fs
      .readdirSync(schemaDirectory)
      .filter((file) => !(COMPOSED_FILES as readonly string[]).includes(file) && !(file in generated));
    expect(stale).toEqual([]);
  }, 120_000);

  test('the supergraph and the API schema are the composition of the checked-in subgraph SDL', () => {
    const composed = composeSupergraph(readSchemaDirectory(schemaDirectory));
    const drifted = Object.entries(composed).filter(([file, content]) => checkedIn(file) !== content);
    expect(drifted.map(([file]) => outOfDate(file))).toEqual([]);
  });
});

describe('the supergraph documents itself', () => {
  const internal = (name: string) => name.startsWith('join__') || name.startsWith('link__');
  const definitions = parse(fs.readFileSync(path.join(schemaDirectory, 'supergraph.graphql'), 'utf8')).definitions;

  function undocumented(definition: DefinitionNode): string[] {
    if (!('name' in definition) || !definition.name || internal(definition.name.value)) return [];
    const type = definition.name.value;
    const missing: string[] = [];
    const isRoot = ['Query', 'Mutation', 'Subscription'].includes(type);
    if ('description' in definition && !definition.description && !isRoot && definition.kind !== Kind.DIRECTIVE_DEFINITION)
      missing.push(type);
    if ('fields' in definition) {
      for (const field of definition.fields ?? []) {
        if (!field.description) missing.push(`${type}.${field.name.value}`);
        for (const argument of 'arguments' in field ? (field.arguments ?? []) : []) {
          if (!argument.description) missing.push(`${type}.${field.name.value}(${argument.name.value})`);
        }
      }
    }
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION) {
      for (const value of definition.values ?? []) if (!value.description) missing.push(`${type}.${value.name.value}`);
    }
    return missing;
  }

  test('every type, field, argument and enum value has a description', () => {
    expect(definitions.flatMap(undocumented)).toEqual([]);
  });
});
