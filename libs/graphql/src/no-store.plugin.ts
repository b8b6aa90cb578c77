import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Tells every cache on the way to keep no GraphQL answer: each is one member's data. Apollo's own
 * cache-control plugin said the same, but it prices every field resolved for cache hints that this
 * API never gives (a hook per field, most of a millisecond on a page of proposals), so it is off.
 */
export const noStorePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};
