import { isEnumType, isInputObjectType, isObjectType, isScalarType, type GraphQLSchema } from 'graphql';
import { definition } from '../../../subgraphs/archives/definition';
import { printSubgraphSdl } from '../../../subgraphs/kit/federated-schema';

const FEDERATION_OR_BUILTIN = /^(_|Query$|String$|Int$|Float$|Boolean$|ID$|link__|federation__)/;

describe('archives schema', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await definition.buildSchema();
  });

  it('declares the entity keys of the federation contract', () => {
    const sdl = printSubgraphSdl(schema);
    expect(sdl).toMatch(/type ClassificationSeries\s+@key\(fields: "code"\)/);
    for (const type of ['Record', 'Commitment', 'Contract', 'Transaction', 'BudgetProgram', 'Institution']) {
      expect(sdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)`));
    }
  });

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (FEDERATION_OR_BUILTIN.test(type.name) || isScalarType(type)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : [])
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    const query = schema.getQueryType()!;
    for (const field of Object.values(query.getFields())) {
      if (field.name.startsWith('_')) continue;
      if (!field.description) missing.push(`Query.${field.name}`);
      for (const arg of field.args) if (!arg.description) missing.push(`Query.${field.name}(${arg.name})`);
    }
    expect(missing).toEqual([]);
  });
});
