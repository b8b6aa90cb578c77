// Escaping and the `html` template tag of every page and email: infrastructure, no feature in it.
export * from './html';
