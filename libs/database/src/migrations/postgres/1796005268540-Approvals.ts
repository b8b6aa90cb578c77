import { MigrationInterface, QueryRunner } from 'typeorm';

export class Approvals1796005268540 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "outbox_message" ("id" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "topic" character varying(100) NOT NULL, "channel" character varying(16) NOT NULL, "recipientUserId" character varying(64), "payload" jsonb NOT NULL, "status" character varying(16) NOT NULL, "availableAt" TIMESTAMP WITH TIME ZONE NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_outbox_message_pending" ON "outbox_message"  ("status", "availableAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "approval_policy" ("id" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "version" integer NOT NULL, "steps" jsonb NOT NULL, "createdById" character varying(64), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_approval_policy_brand_version" UNIQUE ("brandId", "version"), CONSTRAINT "PK_06da9549a940994965e137d4b8a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "approval_step" ("id" character varying(64) NOT NULL, "proposalId" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "round" integer NOT NULL, "order" integer NOT NULL, "name" character varying(200) NOT NULL, "definition" jsonb NOT NULL, "policyVersion" integer NOT NULL, "status" character varying(16) NOT NULL, "requiredApprovals" integer NOT NULL, "eligibleApproverIds" jsonb NOT NULL, "escalated" boolean NOT NULL DEFAULT false, "activatedAt" TIMESTAMP WITH TIME ZONE, "dueAt" TIMESTAMP WITH TIME ZONE, "completedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ce4e7284448d965d64c1b89ee39" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_approval_step_proposal_round" ON "approval_step"  ("proposalId", "round", "order") ',
    );
    await queryRunner.query(
      'CREATE TABLE "content_freeze" ("id" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "reason" text NOT NULL, "startedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "endsAt" TIMESTAMP WITH TIME ZONE, "startedById" character varying(64) NOT NULL, "allowedUserIds" jsonb NOT NULL, "endedAt" TIMESTAMP WITH TIME ZONE, "endedById" character varying(64), CONSTRAINT "PK_dd111145c0d1c176fd6fe5b3808" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_content_freeze_brand" ON "content_freeze"  ("brandId", "endedAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "deadline" ("id" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "kind" character varying(16) NOT NULL, "subjectId" character varying(64) NOT NULL, "dueAt" TIMESTAMP WITH TIME ZONE NOT NULL, "doneAt" TIMESTAMP WITH TIME ZONE, "outcome" character varying(200), CONSTRAINT "PK_9b68db28fc035ed8a84691bfbaf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_deadline_due" ON "deadline"  ("doneAt", "dueAt") ');
    await queryRunner.query(
      'CREATE TABLE "decision" ("id" character varying(64) NOT NULL, "proposalId" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "stepId" character varying(64) NOT NULL, "stepName" character varying(200) NOT NULL, "round" integer NOT NULL, "approverId" character varying(64) NOT NULL, "outcome" character varying(16) NOT NULL, "comment" text, "revisionNumber" integer NOT NULL, "contentHash" character varying(64) NOT NULL, "overridesRecommendation" boolean NOT NULL, "acknowledgedReasons" jsonb NOT NULL, "channel" character varying(16) NOT NULL, "decidedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_decision_step_approver_revision" UNIQUE ("stepId", "approverId", "revisionNumber"), CONSTRAINT "PK_fa4cbd6abf1215054f13c27df5a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_decision_proposal" ON "decision"  ("proposalId", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "publication" ("id" character varying(64) NOT NULL, "proposalId" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "channel" character varying(16) NOT NULL, "url" character varying(2000) NOT NULL, "byId" character varying(64) NOT NULL, "publishedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_publication_proposal_channel" UNIQUE ("proposalId", "channel"), CONSTRAINT "PK_8aea8363d5213896a78d8365fab" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "proposal" ADD "reviewRound" integer NOT NULL DEFAULT \'0\'',
    );
    await queryRunner.query('ALTER TABLE "proposal" ADD "policyVersion" integer');
    await queryRunner.query('ALTER TABLE "proposal" ADD "publishAt" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      'ALTER TABLE "proposal" ADD "unscheduledByFreeze" boolean NOT NULL DEFAULT false',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "proposal" DROP COLUMN "unscheduledByFreeze"');
    await queryRunner.query('ALTER TABLE "proposal" DROP COLUMN "publishAt"');
    await queryRunner.query('ALTER TABLE "proposal" DROP COLUMN "policyVersion"');
    await queryRunner.query('ALTER TABLE "proposal" DROP COLUMN "reviewRound"');
    await queryRunner.query('DROP TABLE "publication"');
    await queryRunner.query('DROP INDEX "public"."ix_decision_proposal"');
    await queryRunner.query('DROP TABLE "decision"');
    await queryRunner.query('DROP INDEX "public"."ix_deadline_due"');
    await queryRunner.query('DROP TABLE "deadline"');
    await queryRunner.query('DROP INDEX "public"."ix_content_freeze_brand"');
    await queryRunner.query('DROP TABLE "content_freeze"');
    await queryRunner.query('DROP INDEX "public"."ix_approval_step_proposal_round"');
    await queryRunner.query('DROP TABLE "approval_step"');
    await queryRunner.query('DROP TABLE "approval_policy"');
    await queryRunner.query('DROP INDEX "public"."ix_outbox_message_pending"');
    await queryRunner.query('DROP TABLE "outbox_message"');
  }
}
