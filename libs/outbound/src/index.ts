// Where the server may send a request whose address someone else gave (a webhook endpoint, a Teams
// workflow, an identity provider): public addresses on web ports only, unless configured otherwise.
export * from './checked-target-url';
export * from './public-targets';
