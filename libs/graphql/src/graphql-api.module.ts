import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import {
  Global,
  Inject,
  MiddlewareConsumer,
  Module,
  NestModule,
  RequestMethod,
} from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { PageInfo } from './connection';
import { DateTimeScalar } from './date-time.scalar';
import { DomainErrorFilter } from './domain-error.filter';
import { ErrorResult } from './error-result';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { IdempotencyStore } from './idempotency-store';
import { IdempotencyPlugin } from './idempotency.plugin';
import { GraphiqlPageMiddleware } from './graphiql-page';
import { formatScalarInputError } from './invalid-scalar-input';
import { NodeRegistry, NodeResolver } from './node';
import { noStorePlugin } from './no-store.plugin';
import { PARSE_OPTIONS } from './query-limits';
import { QueryLimitsPlugin } from './query-limits.plugin';
import { queryShapeRule } from './query-shape-rule';
import { RequestContextMiddleware } from './request-context.middleware';
import { SubscriptionTransport } from './subscription-transport';
import { TransactionInterceptor } from './transaction.interceptor';
import { TrustedDocumentsCheck } from './trusted-documents-check';
import { TrustedDocumentsMiddleware } from './trusted-documents.middleware';
import { GRAPHQL_PATH, GraphqlWebSocketServer } from './websocket-server';

/**
 * The GraphQL API and its conventions: code-first schema, one transaction per mutation, validated
 * inputs, errors with stable codes, idempotent mutations, subscriptions over WebSocket, the
 * hardened settings in production, and an IDE for browsers in development.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([IdempotencyKeyEntity]),
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): ApolloDriverConfig => ({
        path: GRAPHQL_PATH,
        autoSchemaFile: true,
        sortSchema: true,
        // The conventions' types are in the schema before the first operation uses them.
        // Dates are our strict DateTime (date-time.scalar.ts), not Nest's, which takes any string.
        buildSchemaOptions: {
          scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
          orphanedTypes: [PageInfo, ErrorResult],
        },
        formatError: formatScalarInputError,
        context: ({ req }: { req: unknown }) => ({ req }),
        // Field resolvers fail through the same filter as queries and mutations: a domain error
        // keeps its code, and nothing unexpected leaks its message.
        fieldResolverEnhancers: ['filters'],
        // The query limits (query-limits.ts): tokens while parsing, the shape while validating,
        // the cost in QueryLimitsPlugin. WebSocket operations get the same (websocket-server.ts).
        parseOptions: PARSE_OPTIONS,
        validationRules: [queryShapeRule],
        // Under GRAPHQL_TRUSTED_DOCUMENTS the manifest is the only store of documents
        // (TrustedDocumentsMiddleware); Apollo's automatic persisted queries would be a second.
        ...(config.trustedDocuments ? { persistedQueries: false as const } : {}),
        introspection: !config.production,
        hideSchemaDetailsFromClientErrors: config.production,
        includeStacktraceInErrorResponses: !config.production,
        // Apollo's default landing page loads a sandbox from a CDN: useless offline and a finding
        // in production. In development GraphiqlPageMiddleware serves an IDE that loads nothing.
        graphiql: false,
        plugins: [
          ApolloServerPluginLandingPageDisabled() as never,
          ApolloServerPluginCacheControlDisabled() as never,
          noStorePlugin as never,
        ],
      }),
    }),
  ],
  providers: [
    IdempotencyPlugin,
    IdempotencyStore,
    QueryLimitsPlugin,
    GraphqlWebSocketServer,
    NodeRegistry,
    NodeResolver,
    SubscriptionTransport,
    TrustedDocumentsCheck,
    { provide: APP_FILTER, useClass: DomainErrorFilter },
    { provide: APP_INTERCEPTOR, useClass: TransactionInterceptor },
  ],
  exports: [NodeRegistry, SubscriptionTransport],
})
export class GraphqlApiModule implements NestModule {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
    // The IDE's page comes first: under GRAPHQL_TRUSTED_DOCUMENTS its GET is no operation.
    if (!this.config.production) {
      consumer
        .apply(GraphiqlPageMiddleware)
        .forRoutes({ path: GRAPHQL_PATH, method: RequestMethod.GET });
    }
    consumer.apply(TrustedDocumentsMiddleware).forRoutes(GRAPHQL_PATH);
  }
}
