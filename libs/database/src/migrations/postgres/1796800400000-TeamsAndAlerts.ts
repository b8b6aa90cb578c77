import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A brand's Teams workflow (its URL sealed), the throttle of the admins' alerts, and an index for
 * counting a brand's recent events of one action (the reports isApprovedContent records). The
 * audit table only gains an index (CREATE INDEX): its triggers stay.
 */
export class TeamsAndAlerts1796800400000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "teams_connection" ("id" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "sealedUrl" text NOT NULL, "host" character varying(255) NOT NULL, "hint" character varying(16) NOT NULL, "createdById" character varying(64) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0ea14a736f5563a474ae273eb10" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_teams_connection_brand" ON "teams_connection"  ("brandId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "alert_throttle" ("brandId" character varying(64) NOT NULL, "key" character varying(100) NOT NULL, "quietUntil" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_62cb9b310f85da4eebbd27bdb27" PRIMARY KEY ("brandId", "key"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_audit_event_brand_action" ON "audit_event"  ("brandId", "action", "at") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_audit_event_brand_action"');
    await queryRunner.query('DROP TABLE "alert_throttle"');
    await queryRunner.query('DROP INDEX "public"."uq_teams_connection_brand"');
    await queryRunner.query('DROP TABLE "teams_connection"');
  }
}
