import { MigrationInterface, QueryRunner } from 'typeorm';

export class Proposals1796004086683 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "evidence" ("id" varchar(64) PRIMARY KEY NOT NULL, "proposalId" varchar(64) NOT NULL, "brandId" varchar(64) NOT NULL, "kind" varchar(32) NOT NULL, "summary" text NOT NULL, "sourceUrl" varchar(2000), "capturedAt" datetime, "details" text, "reception" varchar(32), "status" varchar(16) NOT NULL, "statusReason" text, "correctsId" varchar(64), "citedFromId" varchar(64), "addedById" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_evidence_brand_kind" ON "evidence" ("brandId", "kind") ',
    );
    await queryRunner.query('CREATE INDEX "ix_evidence_proposal" ON "evidence" ("proposalId") ');
    await queryRunner.query(
      'CREATE TABLE "proposal" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "title" varchar(300) NOT NULL, "issue" varchar(200) NOT NULL, "issueKey" varchar(200) NOT NULL, "stanceType" varchar(32) NOT NULL, "urgency" varchar(16) NOT NULL, "state" varchar(32) NOT NULL, "authorId" varchar(64) NOT NULL, "decisionDeadline" datetime, "currentRevisionNumber" integer NOT NULL, "version" integer NOT NULL, "searchText" text NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_proposal_brand_issue" ON "proposal" ("brandId", "issueKey") ',
    );
    await queryRunner.query('CREATE INDEX "ix_proposal_brand" ON "proposal" ("brandId", "id") ');
    await queryRunner.query(
      'CREATE TABLE "comment" ("id" varchar(64) PRIMARY KEY NOT NULL, "proposalId" varchar(64) NOT NULL, "brandId" varchar(64) NOT NULL, "authorId" varchar(64) NOT NULL, "body" text NOT NULL, "mentionedUserIds" text NOT NULL, "createdAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_comment_proposal" ON "comment" ("proposalId", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "recommendation" ("id" varchar(64) PRIMARY KEY NOT NULL, "proposalId" varchar(64) NOT NULL, "brandId" varchar(64) NOT NULL, "recommendation" varchar(32) NOT NULL, "rationale" text NOT NULL, "byId" varchar(64) NOT NULL, "revisionNumber" integer NOT NULL, "at" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_recommendation_proposal" ON "recommendation" ("proposalId", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "revision" ("id" varchar(64) PRIMARY KEY NOT NULL, "proposalId" varchar(64) NOT NULL, "brandId" varchar(64) NOT NULL, "number" integer NOT NULL, "contentHash" varchar(64) NOT NULL, "drafts" text NOT NULL, "createdById" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, CONSTRAINT "uq_revision_proposal_number" UNIQUE ("proposalId", "number"))',
    );
    await queryRunner.query(
      'CREATE TABLE "risk_note" ("id" varchar(64) PRIMARY KEY NOT NULL, "proposalId" varchar(64) NOT NULL, "brandId" varchar(64) NOT NULL, "category" varchar(32) NOT NULL, "likelihood" integer NOT NULL, "impact" integer NOT NULL, "description" text NOT NULL, "mitigation" text, "status" varchar(16) NOT NULL, "authorId" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "ix_risk_note_proposal" ON "risk_note" ("proposalId") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_risk_note_proposal"');
    await queryRunner.query('DROP TABLE "risk_note"');
    await queryRunner.query('DROP TABLE "revision"');
    await queryRunner.query('DROP INDEX "ix_recommendation_proposal"');
    await queryRunner.query('DROP TABLE "recommendation"');
    await queryRunner.query('DROP INDEX "ix_comment_proposal"');
    await queryRunner.query('DROP TABLE "comment"');
    await queryRunner.query('DROP INDEX "ix_proposal_brand"');
    await queryRunner.query('DROP INDEX "ix_proposal_brand_issue"');
    await queryRunner.query('DROP TABLE "proposal"');
    await queryRunner.query('DROP INDEX "ix_evidence_proposal"');
    await queryRunner.query('DROP INDEX "ix_evidence_brand_kind"');
    await queryRunner.query('DROP TABLE "evidence"');
  }
}
