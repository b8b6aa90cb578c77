import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Slack approvals: the brands' connected workspaces (token and signing secret sealed), the members'
 * links and one-time link codes (hashed), the approval requests posted, and the interactions handled.
 */
export class SlackApprovals1796800300000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "slack_workspace" ("id" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "teamId" character varying(64) NOT NULL, "teamName" character varying(255) NOT NULL, "botUserId" character varying(64) NOT NULL, "botToken" text NOT NULL, "signingSecret" text NOT NULL, "channelId" character varying(64), "connectedById" character varying(64) NOT NULL, "connectedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_slack_workspace_brand" UNIQUE ("brandId"), CONSTRAINT "PK_9d602f5f57ff152042f21d72336" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "slack_message" ("id" character varying(64) NOT NULL, "workspaceId" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "proposalId" character varying(64) NOT NULL, "stepId" character varying(64) NOT NULL, "contentHash" character varying(128) NOT NULL, "recipientUserId" character varying(64), "channel" character varying(64), "ts" character varying(64), "closedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0f63f6886c966a139786d88b66a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_slack_message_proposal" ON "slack_message"  ("proposalId", "closedAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "slack_user_link" ("id" character varying(64) NOT NULL, "workspaceId" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "slackUserId" character varying(64) NOT NULL, "userId" character varying(64) NOT NULL, "linkedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_slack_user_link_user" UNIQUE ("workspaceId", "userId"), CONSTRAINT "uq_slack_user_link_slack_user" UNIQUE ("workspaceId", "slackUserId"), CONSTRAINT "PK_8ea2145e6684408c0fd1af36d2c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_slack_user_link_brand" ON "slack_user_link"  ("brandId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "slack_interaction" ("key" character varying(160) NOT NULL, "resultId" character varying(64) NOT NULL, "handledAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3ecc8a988daf1ef4712c7e8a3b4" PRIMARY KEY ("key"))',
    );
    await queryRunner.query(
      'CREATE TABLE "slack_link_code" ("codeHash" character varying(64) NOT NULL, "workspaceId" character varying(64) NOT NULL, "userId" character varying(64) NOT NULL, "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "usedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8dd70f5e63c75c9cea67e3f211b" PRIMARY KEY ("codeHash"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "slack_link_code"');
    await queryRunner.query('DROP TABLE "slack_interaction"');
    await queryRunner.query('DROP INDEX "public"."ix_slack_user_link_brand"');
    await queryRunner.query('DROP TABLE "slack_user_link"');
    await queryRunner.query('DROP INDEX "public"."ix_slack_message_proposal"');
    await queryRunner.query('DROP TABLE "slack_message"');
    await queryRunner.query('DROP TABLE "slack_workspace"');
  }
}
