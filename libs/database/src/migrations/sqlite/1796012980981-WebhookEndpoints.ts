import { MigrationInterface, QueryRunner } from 'typeorm';

export class WebhookEndpoints1796012980981 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "webhook_endpoint" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "url" varchar(2048) NOT NULL, "secret" varchar(255) NOT NULL, "eventTypes" text NOT NULL, "enabled" boolean NOT NULL, "createdById" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_endpoint_brand" ON "webhook_endpoint" ("brandId") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_webhook_endpoint_brand"');
    await queryRunner.query('DROP TABLE "webhook_endpoint"');
  }
}
