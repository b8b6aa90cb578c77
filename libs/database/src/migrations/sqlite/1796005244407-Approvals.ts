import { MigrationInterface, QueryRunner } from 'typeorm';

export class Approvals1796005244407 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "outbox_message" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "topic" varchar(100) NOT NULL, "channel" varchar(16) NOT NULL, "recipientUserId" varchar(64), "payload" text NOT NULL, "status" varchar(16) NOT NULL, "availableAt" datetime NOT NULL, "createdAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_outbox_message_pending" ON "outbox_message" ("status", "availableAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "approval_policy" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "version" integer NOT NULL, "steps" text NOT NULL, "createdById" varchar(64), "createdAt" datetime NOT NULL, CONSTRAINT "uq_approval_policy_brand_version" UNIQUE ("brandId", "version"))',
    );
    await queryRunner.query(
      'CREATE TABLE "approval_step" ("id" varchar(64) PRIMARY KEY NOT NULL, "proposalId" varchar(64) NOT NULL, "brandId" varchar(64) NOT NULL, "round" integer NOT NULL, "order" integer NOT NULL, "name" varchar(200) NOT NULL, "definition" text NOT NULL, "policyVersion" integer NOT NULL, "status" varchar(16) NOT NULL, "requiredApprovals" integer NOT NULL, "eligibleApproverIds" text NOT NULL, "escalated" boolean NOT NULL DEFAULT (0), "activatedAt" datetime, "dueAt" datetime, "completedAt" datetime)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_approval_step_proposal_round" ON "approval_step" ("proposalId", "round", "order") ',
    );
    await queryRunner.query(
      'CREATE TABLE "content_freeze" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "reason" text NOT NULL, "startedAt" datetime NOT NULL, "endsAt" datetime, "startedById" varchar(64) NOT NULL, "allowedUserIds" text NOT NULL, "endedAt" datetime, "endedById" varchar(64))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_content_freeze_brand" ON "content_freeze" ("brandId", "endedAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "deadline" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "kind" varchar(16) NOT NULL, "subjectId" varchar(64) NOT NULL, "dueAt" datetime NOT NULL, "doneAt" datetime, "outcome" varchar(200))',
    );
    await queryRunner.query('CREATE INDEX "ix_deadline_due" ON "deadline" ("doneAt", "dueAt") ');
    await queryRunner.query(
      'CREATE TABLE "decision" ("id" varchar(64) PRIMARY KEY NOT NULL, "proposalId" varchar(64) NOT NULL, "brandId" varchar(64) NOT NULL, "stepId" varchar(64) NOT NULL, "stepName" varchar(200) NOT NULL, "round" integer NOT NULL, "approverId" varchar(64) NOT NULL, "outcome" varchar(16) NOT NULL, "comment" text, "revisionNumber" integer NOT NULL, "contentHash" varchar(64) NOT NULL, "overridesRecommendation" boolean NOT NULL, "acknowledgedReasons" text NOT NULL, "channel" varchar(16) NOT NULL, "decidedAt" datetime NOT NULL, CONSTRAINT "uq_decision_step_approver_revision" UNIQUE ("stepId", "approverId", "revisionNumber"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_decision_proposal" ON "decision" ("proposalId", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "publication" ("id" varchar(64) PRIMARY KEY NOT NULL, "proposalId" varchar(64) NOT NULL, "brandId" varchar(64) NOT NULL, "channel" varchar(16) NOT NULL, "url" varchar(2000) NOT NULL, "byId" varchar(64) NOT NULL, "publishedAt" datetime NOT NULL, CONSTRAINT "uq_publication_proposal_channel" UNIQUE ("proposalId", "channel"))',
    );
    await queryRunner.query('DROP INDEX "ix_proposal_brand"');
    await queryRunner.query('DROP INDEX "ix_proposal_brand_issue"');
    await queryRunner.query(
      'CREATE TABLE "temporary_proposal" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "title" varchar(300) NOT NULL, "issue" varchar(200) NOT NULL, "issueKey" varchar(200) NOT NULL, "stanceType" varchar(32) NOT NULL, "urgency" varchar(16) NOT NULL, "state" varchar(32) NOT NULL, "authorId" varchar(64) NOT NULL, "decisionDeadline" datetime, "currentRevisionNumber" integer NOT NULL, "version" integer NOT NULL, "searchText" text NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "reviewRound" integer NOT NULL DEFAULT (0), "policyVersion" integer, "publishAt" datetime, "unscheduledByFreeze" boolean NOT NULL DEFAULT (0))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_proposal"("id", "brandId", "title", "issue", "issueKey", "stanceType", "urgency", "state", "authorId", "decisionDeadline", "currentRevisionNumber", "version", "searchText", "createdAt", "updatedAt") SELECT "id", "brandId", "title", "issue", "issueKey", "stanceType", "urgency", "state", "authorId", "decisionDeadline", "currentRevisionNumber", "version", "searchText", "createdAt", "updatedAt" FROM "proposal"',
    );
    await queryRunner.query('DROP TABLE "proposal"');
    await queryRunner.query('ALTER TABLE "temporary_proposal" RENAME TO "proposal"');
    await queryRunner.query('CREATE INDEX "ix_proposal_brand" ON "proposal" ("brandId", "id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_proposal_brand_issue" ON "proposal" ("brandId", "issueKey") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_proposal_brand_issue"');
    await queryRunner.query('DROP INDEX "ix_proposal_brand"');
    await queryRunner.query('ALTER TABLE "proposal" RENAME TO "temporary_proposal"');
    await queryRunner.query(
      'CREATE TABLE "proposal" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "title" varchar(300) NOT NULL, "issue" varchar(200) NOT NULL, "issueKey" varchar(200) NOT NULL, "stanceType" varchar(32) NOT NULL, "urgency" varchar(16) NOT NULL, "state" varchar(32) NOT NULL, "authorId" varchar(64) NOT NULL, "decisionDeadline" datetime, "currentRevisionNumber" integer NOT NULL, "version" integer NOT NULL, "searchText" text NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "proposal"("id", "brandId", "title", "issue", "issueKey", "stanceType", "urgency", "state", "authorId", "decisionDeadline", "currentRevisionNumber", "version", "searchText", "createdAt", "updatedAt") SELECT "id", "brandId", "title", "issue", "issueKey", "stanceType", "urgency", "state", "authorId", "decisionDeadline", "currentRevisionNumber", "version", "searchText", "createdAt", "updatedAt" FROM "temporary_proposal"',
    );
    await queryRunner.query('DROP TABLE "temporary_proposal"');
    await queryRunner.query(
      'CREATE INDEX "ix_proposal_brand_issue" ON "proposal" ("brandId", "issueKey") ',
    );
    await queryRunner.query('CREATE INDEX "ix_proposal_brand" ON "proposal" ("brandId", "id") ');
    await queryRunner.query('DROP TABLE "publication"');
    await queryRunner.query('DROP INDEX "ix_decision_proposal"');
    await queryRunner.query('DROP TABLE "decision"');
    await queryRunner.query('DROP INDEX "ix_deadline_due"');
    await queryRunner.query('DROP TABLE "deadline"');
    await queryRunner.query('DROP INDEX "ix_content_freeze_brand"');
    await queryRunner.query('DROP TABLE "content_freeze"');
    await queryRunner.query('DROP INDEX "ix_approval_step_proposal_round"');
    await queryRunner.query('DROP TABLE "approval_step"');
    await queryRunner.query('DROP TABLE "approval_policy"');
    await queryRunner.query('DROP INDEX "ix_outbox_message_pending"');
    await queryRunner.query('DROP TABLE "outbox_message"');
  }
}
