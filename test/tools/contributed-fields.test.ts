import fs from 'node:fs';
import path from 'node:path';
import { type FieldDefinitionNode, Kind, parse } from 'graphql';
import { SUBGRAPH_NAMES } from '../../common/config/subgraphs';

/*
 * docs/federation-contract.md: a field a subgraph adds to a type another subgraph owns is nullable, so that
 * a dead or slow subgraph nulls only its own fields. Checked on the checked-in SDL of each subgraph, where a
 * borrowed type says whose it is ("owned by the … subgraph"), and on DataVersion and SearchResults, to which every
 * subgraph adds. The owner's fields another subgraph declares `@external` for a `@requires` are not contributions.
 */
describe('fields a subgraph contributes to another subgraph’s type', () => {
  const contributed = SUBGRAPH_NAMES.flatMap((subgraph) => {
    const sdl = fs.readFileSync(path.resolve(__dirname, `../../schema/${subgraph}.graphql`), 'utf8');
    return parse(sdl).definitions.flatMap((definition) => {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) return [];
      const owner = /owned by the (\w+) subgraph/.exec(definition.description?.value ?? '')?.[1];
      const borrowed = (owner !== undefined && owner !== subgraph) || ['DataVersion', 'SearchResults'].includes(definition.name.value);
      if (!borrowed) return [];
      // An @external field is the owner's, declared only so that a @requires can name it.
      const external = (field: FieldDefinitionNode) => field.directives?.some((directive) => directive.name.value === 'external');
      return (definition.fields ?? [])
        .filter((field) => !['id', 'text'].includes(field.name.value) && !external(field))
        .map((field) => ({
          field: `${subgraph}: ${definition.name.value}.${field.name.value}`,
          nonNull: field.type.kind === Kind.NON_NULL_TYPE,
        }));
    });
  });

  test('are found in every subgraph that adds some', () => {
    const adders = new Set(contributed.map(({ field }) => field.split(':')[0]));
    expect([...adders].sort()).toEqual(['archives', 'budgets', 'commitments', 'institutions', 'participation']);
    expect(contributed.length).toBeGreaterThanOrEqual(18);
  });

  test('are all nullable', () => {
    expect(contributed.filter(({ nonNull }) => nonNull).map(({ field }) => field)).toEqual([]);
  });
});
