import { Module } from '@nestjs/common';
import { ConfigModule } from '@standpoint/config';
import { DatabaseModule, HealthModule } from '@standpoint/database';
import { GraphqlApiModule } from '@standpoint/graphql';
import { IdentityApiModule } from '@standpoint/identity';
import { LoggingModule } from '@standpoint/logging';
import { ProposalsApiModule } from '@standpoint/proposals';
import { WorkerModule } from '@standpoint/worker';

/** The all-in-one server: the GraphQL API, the HTTP routes and the worker in one process. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    GraphqlApiModule,
    HealthModule,
    IdentityApiModule,
    ProposalsApiModule,
    WorkerModule,
  ],
})
export class AppModule {}
