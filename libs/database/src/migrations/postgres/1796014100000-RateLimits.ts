import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counters of the rate limits and the sign-in back-off on PostgreSQL, shared by every API
 * instance, in rate-limiter-flexible's layout (RateLimiterPostgres). Keys are digests. The
 * application role may read and write it (the default privileges of AppRolePrivileges, and
 * `npx standpoint migrate` grants again). SQLite keeps its counters in memory: one process.
 */
export class RateLimits1796014100000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "rate_limit" ("key" character varying(255) NOT NULL, "points" integer NOT NULL DEFAULT 0, "expire" bigint, CONSTRAINT "PK_rate_limit" PRIMARY KEY ("key"))',
    );
    // Expired rows are deleted by `expire`, every few minutes.
    await queryRunner.query('CREATE INDEX "ix_rate_limit_expire" ON "rate_limit" ("expire")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "rate_limit"');
  }
}
