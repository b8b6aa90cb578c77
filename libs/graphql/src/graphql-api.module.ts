import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { PageInfo } from './connection';
import { DomainErrorFilter } from './domain-error.filter';
import { ErrorResult } from './error-result';
import { NodeRegistry, NodeResolver } from './node';
import { RequestContextMiddleware } from './request-context.middleware';
import { TransactionInterceptor } from './transaction.interceptor';
import { ArgumentValidationPipe } from './validation';

/**
 * The GraphQL API and its conventions: code-first schema, one transaction per mutation, validated
 * inputs, errors with stable codes, and the hardened settings in production.
 */
@Global()
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): ApolloDriverConfig => ({
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        // The conventions' types are in the schema before the first operation uses them.
        buildSchemaOptions: { dateScalarMode: 'isoDate', orphanedTypes: [PageInfo, ErrorResult] },
        context: ({ req }: { req: unknown }) => ({ req }),
        introspection: !config.production,
        hideSchemaDetailsFromClientErrors: config.production,
        includeStacktraceInErrorResponses: !config.production,
        // Apollo's default landing page loads a sandbox from a CDN: useless offline and a finding
        // in production. GraphQL clients are the users here.
        graphiql: false,
        plugins: [ApolloServerPluginLandingPageDisabled() as never],
      }),
    }),
  ],
  providers: [
    NodeRegistry,
    NodeResolver,
    { provide: APP_FILTER, useClass: DomainErrorFilter },
    { provide: APP_PIPE, useClass: ArgumentValidationPipe },
    { provide: APP_INTERCEPTOR, useClass: TransactionInterceptor },
  ],
  exports: [NodeRegistry],
})
export class GraphqlApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
