import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions, password links and reset requests; users can be deactivated, decision links revoked,
 * and an outbox email may belong to no brand. Columns are added in place (ALTER TABLE … ADD
 * COLUMN): rebuilding "user" would trip the memberships' foreign keys on a database that has them.
 */
export class MembersAndSessions1796521500269 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "password_link_token" ("tokenHash" varchar(64) PRIMARY KEY NOT NULL, "passwordLinkId" varchar(64) NOT NULL, "createdAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_password_link_token_link" ON "password_link_token" ("passwordLinkId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "password_link" ("id" varchar(64) PRIMARY KEY NOT NULL, "userId" varchar(64) NOT NULL, "purpose" varchar(16) NOT NULL, "expiresAt" datetime NOT NULL, "usedAt" datetime, "createdAt" datetime NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "ix_password_link_user" ON "password_link" ("userId") ');
    await queryRunner.query(
      'CREATE TABLE "password_reset_request" ("id" varchar(64) PRIMARY KEY NOT NULL, "email" varchar(320) NOT NULL, "createdAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "session" ("id" varchar(64) PRIMARY KEY NOT NULL, "userId" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, "expiresAt" datetime NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "ix_session_user" ON "session" ("userId") ');
    await queryRunner.query('ALTER TABLE "user" ADD COLUMN "deactivatedAt" datetime');
    await queryRunner.query('ALTER TABLE "decision_link" ADD COLUMN "revokedAt" datetime');
    await queryRunner.query('DROP INDEX "ix_outbox_message_due"');
    await queryRunner.query('DROP INDEX "ix_outbox_message_brand"');
    await queryRunner.query(
      'CREATE TABLE "temporary_outbox_message" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64), "topic" varchar(100) NOT NULL, "channel" varchar(16) NOT NULL, "recipientUserId" varchar(64), "payload" text NOT NULL, "status" varchar(16) NOT NULL, "availableAt" datetime NOT NULL, "createdAt" datetime NOT NULL, "recipient" varchar(2048) NOT NULL, "webhookEndpointId" varchar(64), "subject" text, "htmlBody" text, "body" text NOT NULL, "decisionLinkId" varchar(64), "messageId" varchar(255) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "lastError" text, "claimedUntil" datetime, "sentAt" datetime, "passwordLinkId" varchar(64))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_outbox_message"("id", "brandId", "topic", "channel", "recipientUserId", "payload", "status", "availableAt", "createdAt", "recipient", "webhookEndpointId", "subject", "htmlBody", "body", "decisionLinkId", "messageId", "attempts", "lastError", "claimedUntil", "sentAt") SELECT "id", "brandId", "topic", "channel", "recipientUserId", "payload", "status", "availableAt", "createdAt", "recipient", "webhookEndpointId", "subject", "htmlBody", "body", "decisionLinkId", "messageId", "attempts", "lastError", "claimedUntil", "sentAt" FROM "outbox_message"',
    );
    await queryRunner.query('DROP TABLE "outbox_message"');
    await queryRunner.query('ALTER TABLE "temporary_outbox_message" RENAME TO "outbox_message"');
    await queryRunner.query(
      'CREATE INDEX "ix_outbox_message_due" ON "outbox_message" ("status", "availableAt") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_outbox_message_brand" ON "outbox_message" ("brandId", "status") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_outbox_message_brand"');
    await queryRunner.query('DROP INDEX "ix_outbox_message_due"');
    await queryRunner.query('DELETE FROM "outbox_message" WHERE "brandId" IS NULL');
    await queryRunner.query('ALTER TABLE "outbox_message" RENAME TO "temporary_outbox_message"');
    await queryRunner.query(
      'CREATE TABLE "outbox_message" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "topic" varchar(100) NOT NULL, "channel" varchar(16) NOT NULL, "recipientUserId" varchar(64), "payload" text NOT NULL, "status" varchar(16) NOT NULL, "availableAt" datetime NOT NULL, "createdAt" datetime NOT NULL, "recipient" varchar(2048) NOT NULL, "webhookEndpointId" varchar(64), "subject" text, "htmlBody" text, "body" text NOT NULL, "decisionLinkId" varchar(64), "messageId" varchar(255) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "lastError" text, "claimedUntil" datetime, "sentAt" datetime)',
    );
    await queryRunner.query(
      'INSERT INTO "outbox_message"("id", "brandId", "topic", "channel", "recipientUserId", "payload", "status", "availableAt", "createdAt", "recipient", "webhookEndpointId", "subject", "htmlBody", "body", "decisionLinkId", "messageId", "attempts", "lastError", "claimedUntil", "sentAt") SELECT "id", "brandId", "topic", "channel", "recipientUserId", "payload", "status", "availableAt", "createdAt", "recipient", "webhookEndpointId", "subject", "htmlBody", "body", "decisionLinkId", "messageId", "attempts", "lastError", "claimedUntil", "sentAt" FROM "temporary_outbox_message"',
    );
    await queryRunner.query('DROP TABLE "temporary_outbox_message"');
    await queryRunner.query(
      'CREATE INDEX "ix_outbox_message_brand" ON "outbox_message" ("brandId", "status") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_outbox_message_due" ON "outbox_message" ("status", "availableAt") ',
    );
    await queryRunner.query('ALTER TABLE "decision_link" DROP COLUMN "revokedAt"');
    await queryRunner.query('ALTER TABLE "user" DROP COLUMN "deactivatedAt"');
    await queryRunner.query('DROP INDEX "ix_session_user"');
    await queryRunner.query('DROP TABLE "session"');
    await queryRunner.query('DROP TABLE "password_reset_request"');
    await queryRunner.query('DROP INDEX "ix_password_link_user"');
    await queryRunner.query('DROP TABLE "password_link"');
    await queryRunner.query('DROP INDEX "ix_password_link_token_link"');
    await queryRunner.query('DROP TABLE "password_link_token"');
  }
}
