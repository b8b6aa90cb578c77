import { MigrationInterface, QueryRunner } from 'typeorm';

export class Idempotency1796005424738 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "idempotency_key" ("scope" varchar(64) NOT NULL, "idempotencyKey" varchar(255) NOT NULL, "fingerprint" varchar(64) NOT NULL, "claimId" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "completedAt" datetime, "status" integer, "body" text, PRIMARY KEY ("scope", "idempotencyKey"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_idempotency_key_created" ON "idempotency_key" ("createdAt") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_idempotency_key_created"');
    await queryRunner.query('DROP TABLE "idempotency_key"');
  }
}
