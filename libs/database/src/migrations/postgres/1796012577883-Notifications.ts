import { MigrationInterface, QueryRunner } from 'typeorm';

const NOT_RENDERED = 'queued before emails were rendered: not sent';

export class Notifications1796012577883 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_outbox_message_pending"');
    await queryRunner.query(
      'CREATE TABLE "decision_link_token" ("tokenHash" character varying(64) NOT NULL, "decisionLinkId" character varying(64) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1a4c3d1db99c2975efb4f205217" PRIMARY KEY ("tokenHash"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_decision_link_token_link" ON "decision_link_token"  ("decisionLinkId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "decision_link" ("id" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "proposalId" character varying(64) NOT NULL, "stepId" character varying(64) NOT NULL, "approverUserId" character varying(64) NOT NULL, "revisionId" character varying(64) NOT NULL, "contentHash" character varying(64) NOT NULL, "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "usedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_7d81751fc2b0ee3dc98196e6df8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_decision_link_step" ON "decision_link"  ("stepId", "approverUserId") ',
    );
    await queryRunner.query('ALTER TABLE "outbox_message" ADD "recipient" character varying(2048)');
    await queryRunner.query(
      'ALTER TABLE "outbox_message" ADD "webhookEndpointId" character varying(64)',
    );
    await queryRunner.query('ALTER TABLE "outbox_message" ADD "subject" text');
    await queryRunner.query('ALTER TABLE "outbox_message" ADD "htmlBody" text');
    await queryRunner.query('ALTER TABLE "outbox_message" ADD "body" text');
    await queryRunner.query(
      'ALTER TABLE "outbox_message" ADD "decisionLinkId" character varying(64)',
    );
    await queryRunner.query('ALTER TABLE "outbox_message" ADD "messageId" character varying(255)');
    await queryRunner.query(
      'ALTER TABLE "outbox_message" ADD "attempts" integer NOT NULL DEFAULT \'0\'',
    );
    await queryRunner.query('ALTER TABLE "outbox_message" ADD "lastError" text');
    await queryRunner.query(
      'ALTER TABLE "outbox_message" ADD "claimedUntil" TIMESTAMP WITH TIME ZONE',
    );
    await queryRunner.query('ALTER TABLE "outbox_message" ADD "sentAt" TIMESTAMP WITH TIME ZONE');
    // Messages queued before emails were rendered cannot be sent as they are: parked as dead, with
    // what they were about, for an administrator to see.
    await queryRunner.query(
      `UPDATE "outbox_message" m SET "subject" = m."topic", "body" = m."payload"::text,
        "recipient" = COALESCE((SELECT u."email" FROM "user" u WHERE u."id" = m."recipientUserId"), ''),
        "messageId" = '<' || m."id" || '@standpoint.invalid>',
        "status" = CASE WHEN m."status" = 'PENDING' THEN 'DEAD' ELSE m."status" END,
        "lastError" = CASE WHEN m."status" = 'PENDING' THEN '${NOT_RENDERED}' END`,
    );
    for (const column of ['recipient', 'body', 'messageId'])
      await queryRunner.query(`ALTER TABLE "outbox_message" ALTER COLUMN "${column}" SET NOT NULL`);
    await queryRunner.query(
      'CREATE INDEX "ix_outbox_message_brand" ON "outbox_message"  ("brandId", "status") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_outbox_message_due" ON "outbox_message"  ("status", "availableAt") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_outbox_message_due"');
    await queryRunner.query('DROP INDEX "public"."ix_outbox_message_brand"');
    await queryRunner.query('ALTER TABLE "outbox_message" DROP COLUMN "sentAt"');
    await queryRunner.query('ALTER TABLE "outbox_message" DROP COLUMN "claimedUntil"');
    await queryRunner.query('ALTER TABLE "outbox_message" DROP COLUMN "lastError"');
    await queryRunner.query('ALTER TABLE "outbox_message" DROP COLUMN "attempts"');
    await queryRunner.query('ALTER TABLE "outbox_message" DROP COLUMN "messageId"');
    await queryRunner.query('ALTER TABLE "outbox_message" DROP COLUMN "decisionLinkId"');
    await queryRunner.query('ALTER TABLE "outbox_message" DROP COLUMN "body"');
    await queryRunner.query('ALTER TABLE "outbox_message" DROP COLUMN "htmlBody"');
    await queryRunner.query('ALTER TABLE "outbox_message" DROP COLUMN "subject"');
    await queryRunner.query('ALTER TABLE "outbox_message" DROP COLUMN "webhookEndpointId"');
    await queryRunner.query('ALTER TABLE "outbox_message" DROP COLUMN "recipient"');
    await queryRunner.query('DROP INDEX "public"."ix_decision_link_step"');
    await queryRunner.query('DROP TABLE "decision_link"');
    await queryRunner.query('DROP INDEX "public"."ix_decision_link_token_link"');
    await queryRunner.query('DROP TABLE "decision_link_token"');
    await queryRunner.query(
      'CREATE INDEX "ix_outbox_message_pending" ON "outbox_message" USING btree ("status", "availableAt") ',
    );
  }
}
