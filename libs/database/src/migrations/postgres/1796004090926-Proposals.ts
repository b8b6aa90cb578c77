import { MigrationInterface, QueryRunner } from 'typeorm';

export class Proposals1796004090926 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "evidence" ("id" character varying(64) NOT NULL, "proposalId" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "kind" character varying(32) NOT NULL, "summary" text NOT NULL, "sourceUrl" character varying(2000), "capturedAt" TIMESTAMP WITH TIME ZONE, "details" jsonb, "reception" character varying(32), "status" character varying(16) NOT NULL, "statusReason" text, "correctsId" character varying(64), "citedFromId" character varying(64), "addedById" character varying(64) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_evidence_brand_kind" ON "evidence"  ("brandId", "kind") ',
    );
    await queryRunner.query('CREATE INDEX "ix_evidence_proposal" ON "evidence"  ("proposalId") ');
    await queryRunner.query(
      'CREATE TABLE "proposal" ("id" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "title" character varying(300) NOT NULL, "issue" character varying(200) NOT NULL, "issueKey" character varying(200) NOT NULL, "stanceType" character varying(32) NOT NULL, "urgency" character varying(16) NOT NULL, "state" character varying(32) NOT NULL, "authorId" character varying(64) NOT NULL, "decisionDeadline" TIMESTAMP WITH TIME ZONE, "currentRevisionNumber" integer NOT NULL, "version" integer NOT NULL, "searchText" text NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ca872ecfe4fef5720d2d39e4275" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_proposal_brand_issue" ON "proposal"  ("brandId", "issueKey") ',
    );
    await queryRunner.query('CREATE INDEX "ix_proposal_brand" ON "proposal"  ("brandId", "id") ');
    await queryRunner.query(
      'CREATE TABLE "comment" ("id" character varying(64) NOT NULL, "proposalId" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "authorId" character varying(64) NOT NULL, "body" text NOT NULL, "mentionedUserIds" jsonb NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0b0e4bbc8415ec426f87f3a88e2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_comment_proposal" ON "comment"  ("proposalId", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "recommendation" ("id" character varying(64) NOT NULL, "proposalId" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "recommendation" character varying(32) NOT NULL, "rationale" text NOT NULL, "byId" character varying(64) NOT NULL, "revisionNumber" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_17cb51984a6627ef2ce7370e23c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_recommendation_proposal" ON "recommendation"  ("proposalId", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "revision" ("id" character varying(64) NOT NULL, "proposalId" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "number" integer NOT NULL, "contentHash" character varying(64) NOT NULL, "drafts" jsonb NOT NULL, "createdById" character varying(64) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_revision_proposal_number" UNIQUE ("proposalId", "number"), CONSTRAINT "PK_f4767cdf0c0e78041514e5a94be" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "risk_note" ("id" character varying(64) NOT NULL, "proposalId" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "category" character varying(32) NOT NULL, "likelihood" integer NOT NULL, "impact" integer NOT NULL, "description" text NOT NULL, "mitigation" text, "status" character varying(16) NOT NULL, "authorId" character varying(64) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_79416fc2030a0511bb3222402a7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_risk_note_proposal" ON "risk_note"  ("proposalId") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_risk_note_proposal"');
    await queryRunner.query('DROP TABLE "risk_note"');
    await queryRunner.query('DROP TABLE "revision"');
    await queryRunner.query('DROP INDEX "public"."ix_recommendation_proposal"');
    await queryRunner.query('DROP TABLE "recommendation"');
    await queryRunner.query('DROP INDEX "public"."ix_comment_proposal"');
    await queryRunner.query('DROP TABLE "comment"');
    await queryRunner.query('DROP INDEX "public"."ix_proposal_brand"');
    await queryRunner.query('DROP INDEX "public"."ix_proposal_brand_issue"');
    await queryRunner.query('DROP TABLE "proposal"');
    await queryRunner.query('DROP INDEX "public"."ix_evidence_proposal"');
    await queryRunner.query('DROP INDEX "public"."ix_evidence_brand_kind"');
    await queryRunner.query('DROP TABLE "evidence"');
  }
}
