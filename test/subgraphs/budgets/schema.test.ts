import { isObjectType, isInputObjectType, isEnumType } from 'graphql';
import { definition } from '../../../subgraphs/budgets/definition';

test('every type, field, argument and enum value has a description', async () => {
  const schema = await definition.buildSchema();
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('_') || ['Query', 'String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.name.startsWith('_')) continue;
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    if (!field.name.startsWith('_') && !field.description) missing.push(`Query.${field.name}`);
  }
  expect(missing.filter((name) => !/^(link|join|federation)__/.test(name))).toEqual([]);
});
