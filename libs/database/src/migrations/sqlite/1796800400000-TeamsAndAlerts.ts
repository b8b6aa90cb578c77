import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A brand's Teams workflow (its URL sealed), the throttle of the admins' alerts, and an index for
 * counting a brand's recent events of one action (the reports isApprovedContent records). The
 * audit table only gains an index (CREATE INDEX): its triggers stay.
 */
export class TeamsAndAlerts1796800400000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "teams_connection" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "sealedUrl" text NOT NULL, "host" varchar(255) NOT NULL, "hint" varchar(16) NOT NULL, "createdById" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_teams_connection_brand" ON "teams_connection" ("brandId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "alert_throttle" ("brandId" varchar(64) NOT NULL, "key" varchar(100) NOT NULL, "quietUntil" datetime NOT NULL, PRIMARY KEY ("brandId", "key"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_audit_event_brand_action" ON "audit_event" ("brandId", "action", "at") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_audit_event_brand_action"');
    await queryRunner.query('DROP TABLE "alert_throttle"');
    await queryRunner.query('DROP INDEX "uq_teams_connection_brand"');
    await queryRunner.query('DROP TABLE "teams_connection"');
  }
}
