// The refusals domain code throws, with no framework: every library may import it, the API layer
// (libs/graphql) answers them.
export * from './domain-error';
