import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796012576027 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_outbox_message_pending"');
    await queryRunner.query(
      'CREATE TABLE "decision_link_token" ("tokenHash" varchar(64) PRIMARY KEY NOT NULL, "decisionLinkId" varchar(64) NOT NULL, "createdAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_decision_link_token_link" ON "decision_link_token" ("decisionLinkId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "decision_link" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "proposalId" varchar(64) NOT NULL, "stepId" varchar(64) NOT NULL, "approverUserId" varchar(64) NOT NULL, "revisionId" varchar(64) NOT NULL, "contentHash" varchar(64) NOT NULL, "expiresAt" datetime NOT NULL, "usedAt" datetime, "createdAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_decision_link_step" ON "decision_link" ("stepId", "approverUserId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "temporary_outbox_message" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "topic" varchar(100) NOT NULL, "channel" varchar(16) NOT NULL, "recipientUserId" varchar(64), "payload" text NOT NULL, "status" varchar(16) NOT NULL, "availableAt" datetime NOT NULL, "createdAt" datetime NOT NULL, "recipient" varchar(2048) NOT NULL, "webhookEndpointId" varchar(64), "subject" text, "htmlBody" text, "body" text NOT NULL, "decisionLinkId" varchar(64), "messageId" varchar(255) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "lastError" text, "claimedUntil" datetime, "sentAt" datetime)',
    );
    await queryRunner.query(
      // Messages queued before emails were rendered cannot be sent as they are: parked as dead,
      // with what they were about, for an administrator to see.
      `INSERT INTO "temporary_outbox_message"("id", "brandId", "topic", "channel", "recipientUserId", "payload", "status", "availableAt", "createdAt", "recipient", "subject", "body", "messageId", "lastError")
       SELECT m."id", m."brandId", m."topic", m."channel", m."recipientUserId", m."payload",
         CASE WHEN m."status" = 'PENDING' THEN 'DEAD' ELSE m."status" END, m."availableAt", m."createdAt",
         COALESCE((SELECT u."email" FROM "user" u WHERE u."id" = m."recipientUserId"), ''), m."topic",
         m."payload", '<' || m."id" || '@standpoint.invalid>',
         CASE WHEN m."status" = 'PENDING' THEN 'queued before emails were rendered: not sent' END
       FROM "outbox_message" m`,
    );
    await queryRunner.query('DROP TABLE "outbox_message"');
    await queryRunner.query('ALTER TABLE "temporary_outbox_message" RENAME TO "outbox_message"');
    await queryRunner.query(
      'CREATE INDEX "ix_outbox_message_brand" ON "outbox_message" ("brandId", "status") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_outbox_message_due" ON "outbox_message" ("status", "availableAt") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_outbox_message_due"');
    await queryRunner.query('DROP INDEX "ix_outbox_message_brand"');
    await queryRunner.query('ALTER TABLE "outbox_message" RENAME TO "temporary_outbox_message"');
    await queryRunner.query(
      'CREATE TABLE "outbox_message" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "topic" varchar(100) NOT NULL, "channel" varchar(16) NOT NULL, "recipientUserId" varchar(64), "payload" text NOT NULL, "status" varchar(16) NOT NULL, "availableAt" datetime NOT NULL, "createdAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "outbox_message"("id", "brandId", "topic", "channel", "recipientUserId", "payload", "status", "availableAt", "createdAt") SELECT "id", "brandId", "topic", "channel", "recipientUserId", "payload", "status", "availableAt", "createdAt" FROM "temporary_outbox_message"',
    );
    await queryRunner.query('DROP TABLE "temporary_outbox_message"');
    await queryRunner.query('DROP INDEX "ix_decision_link_step"');
    await queryRunner.query('DROP TABLE "decision_link"');
    await queryRunner.query('DROP INDEX "ix_decision_link_token_link"');
    await queryRunner.query('DROP TABLE "decision_link_token"');
    await queryRunner.query(
      'CREATE INDEX "ix_outbox_message_pending" ON "outbox_message" ("status", "availableAt") ',
    );
  }
}
