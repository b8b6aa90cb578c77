import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Slack approvals: the brands' connected workspaces (token and signing secret sealed), the members'
 * links and one-time link codes (hashed), the approval requests posted, and the interactions handled.
 */
export class SlackApprovals1796800300000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "slack_workspace" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "teamId" varchar(64) NOT NULL, "teamName" varchar(255) NOT NULL, "botUserId" varchar(64) NOT NULL, "botToken" text NOT NULL, "signingSecret" text NOT NULL, "channelId" varchar(64), "connectedById" varchar(64) NOT NULL, "connectedAt" datetime NOT NULL, CONSTRAINT "uq_slack_workspace_brand" UNIQUE ("brandId"))',
    );
    await queryRunner.query(
      'CREATE TABLE "slack_message" ("id" varchar(64) PRIMARY KEY NOT NULL, "workspaceId" varchar(64) NOT NULL, "brandId" varchar(64) NOT NULL, "proposalId" varchar(64) NOT NULL, "stepId" varchar(64) NOT NULL, "contentHash" varchar(128) NOT NULL, "recipientUserId" varchar(64), "channel" varchar(64), "ts" varchar(64), "closedAt" datetime, "createdAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_slack_message_proposal" ON "slack_message" ("proposalId", "closedAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "slack_user_link" ("id" varchar(64) PRIMARY KEY NOT NULL, "workspaceId" varchar(64) NOT NULL, "brandId" varchar(64) NOT NULL, "slackUserId" varchar(64) NOT NULL, "userId" varchar(64) NOT NULL, "linkedAt" datetime NOT NULL, CONSTRAINT "uq_slack_user_link_user" UNIQUE ("workspaceId", "userId"), CONSTRAINT "uq_slack_user_link_slack_user" UNIQUE ("workspaceId", "slackUserId"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_slack_user_link_brand" ON "slack_user_link" ("brandId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "slack_interaction" ("key" varchar(160) PRIMARY KEY NOT NULL, "resultId" varchar(64) NOT NULL, "handledAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "slack_link_code" ("codeHash" varchar(64) PRIMARY KEY NOT NULL, "workspaceId" varchar(64) NOT NULL, "userId" varchar(64) NOT NULL, "expiresAt" datetime NOT NULL, "usedAt" datetime, "createdAt" datetime NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "slack_link_code"');
    await queryRunner.query('DROP TABLE "slack_interaction"');
    await queryRunner.query('DROP INDEX "ix_slack_user_link_brand"');
    await queryRunner.query('DROP TABLE "slack_user_link"');
    await queryRunner.query('DROP INDEX "ix_slack_message_proposal"');
    await queryRunner.query('DROP TABLE "slack_message"');
    await queryRunner.query('DROP TABLE "slack_workspace"');
  }
}
