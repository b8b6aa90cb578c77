import { MigrationInterface, QueryRunner } from 'typeorm';

export class WebhookEndpoints1796012992741 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "webhook_endpoint" ("id" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "url" character varying(2048) NOT NULL, "secret" character varying(255) NOT NULL, "eventTypes" jsonb NOT NULL, "enabled" boolean NOT NULL, "createdById" character varying(64) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6c98112122b2b8a4f3984d2efa8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_endpoint_brand" ON "webhook_endpoint"  ("brandId") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_webhook_endpoint_brand"');
    await queryRunner.query('DROP TABLE "webhook_endpoint"');
  }
}
