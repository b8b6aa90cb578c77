// graphql-ws declares `graphql-ws/use/ws` through its package exports only, which this project's
// node10 module resolution does not read; these are the same declarations, by their file.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
