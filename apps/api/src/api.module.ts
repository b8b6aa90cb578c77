import { Module } from '@nestjs/common';
import { ConfigModule } from '@standpoint/config';
import { DatabaseModule, HealthModule } from '@standpoint/database';
import { GraphqlApiModule } from '@standpoint/graphql';
import { IdentityApiModule } from '@standpoint/identity';
import { LoggingModule } from '@standpoint/logging';
import { ProposalsApiModule } from '@standpoint/proposals';

/** A stateless API instance for production: the API without the worker loop. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    GraphqlApiModule,
    HealthModule,
    IdentityApiModule,
  ],
})
export class ApiModule {}
