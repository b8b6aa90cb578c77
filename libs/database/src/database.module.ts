import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { DataSource } from 'typeorm';
import { Clock, SystemClock } from './clock';
import { DatabaseHealth } from './database-health';
import { dataSourceOptions } from './data-source-options';
import { applyDialect } from './dialect-columns';
import { applyMigrations } from './migrate';
import { SecretBox } from './secret-box';
import { SqliteReadConnection } from './read-connection';
import { TransactionRunner } from './transaction-runner';

/**
 * The one DataSource of the process, migrated before anything else uses it (on SQLite with its
 * read connection), the transaction runner, and the box that keeps others' credentials encrypted. Features register their entities with
 * `TypeOrmModule.forFeature`.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.database),
        autoLoadEntities: true,
      }),
      dataSourceFactory: async (options) => {
        if (!options) throw new Error('TypeORM options are missing');
        applyDialect(options.type === 'postgres' ? 'postgres' : 'sqlite');
        const dataSource = await new DataSource(options).initialize();
        await applyMigrations(dataSource);
        return dataSource;
      },
    }),
  ],
  providers: [
    TransactionRunner,
    DatabaseHealth,
    SqliteReadConnection,
    SecretBox,
    { provide: Clock, useClass: SystemClock },
  ],
  exports: [TransactionRunner, DatabaseHealth, Clock, SecretBox],
})
export class DatabaseModule {}
