import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for the operations in operations/, from the schema the server serves (schema.gql at the
 * repository's root; point `schema` at your server's URL or a copy of the file in your own
 * project). The client preset also writes persisted-documents.json: every operation by its
 * sha256 hash, the manifest a server that accepts only trusted documents loads.
 */
const config: CodegenConfig = {
  schema: '../../schema.gql',
  documents: ['operations/*.graphql'],
  generates: {
    'gql/': {
      preset: 'client',
      // No fragments here, so no masking helpers; the hashes are sha256, as the GraphQL over HTTP
      // appendix on persisted documents names them ("sha256:<hex>").
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      // Ids and dates travel as strings (dates as RFC 3339 with their offset).
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { ID: 'string', DateTime: 'string' },
      },
    },
  },
};

export default config;
