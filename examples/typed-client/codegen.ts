import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the explorer's example operations, generated from the API schema that `npm run schema`
 * composes. Run from the project root: `npm run examples`.
 */
const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  documents: ['web/examples/*.graphql'],
  generates: {
    'examples/typed-client/src/gql/': {
      preset: 'client',
      config: { scalars: { Money: 'string' }, enumsAsTypes: true, useTypeImports: true },
      presetConfig: { fragmentMasking: false },
    },
  },
  silent: true,
};

export default config;
