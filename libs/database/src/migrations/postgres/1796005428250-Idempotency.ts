import { MigrationInterface, QueryRunner } from 'typeorm';

export class Idempotency1796005428250 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "idempotency_key" ("scope" character varying(64) NOT NULL, "idempotencyKey" character varying(255) NOT NULL, "fingerprint" character varying(64) NOT NULL, "claimId" character varying(36) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "completedAt" TIMESTAMP WITH TIME ZONE, "status" integer, "body" text, CONSTRAINT "PK_901e2507d6e59426e61ed096326" PRIMARY KEY ("scope", "idempotencyKey"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_idempotency_key_created" ON "idempotency_key"  ("createdAt") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_idempotency_key_created"');
    await queryRunner.query('DROP TABLE "idempotency_key"');
  }
}
