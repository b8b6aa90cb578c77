import { MigrationInterface, QueryRunner } from 'typeorm';

export class MembersAndSessions1796521505099 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "password_link_token" ("tokenHash" character varying(64) NOT NULL, "passwordLinkId" character varying(64) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_889ec0160c3d956ced88d9fbb60" PRIMARY KEY ("tokenHash"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_password_link_token_link" ON "password_link_token"  ("passwordLinkId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "password_link" ("id" character varying(64) NOT NULL, "userId" character varying(64) NOT NULL, "purpose" character varying(16) NOT NULL, "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "usedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3c8fd40434c805db4646e78a44f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_password_link_user" ON "password_link"  ("userId") ');
    await queryRunner.query(
      'CREATE TABLE "password_reset_request" ("id" character varying(64) NOT NULL, "email" character varying(320) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_fcf4b02eae1403a2edaf87fd074" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "session" ("id" character varying(64) NOT NULL, "userId" character varying(64) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_session_user" ON "session"  ("userId") ');
    await queryRunner.query('ALTER TABLE "user" ADD "deactivatedAt" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "decision_link" ADD "revokedAt" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      'ALTER TABLE "outbox_message" ADD "passwordLinkId" character varying(64)',
    );
    await queryRunner.query('ALTER TABLE "outbox_message" ALTER COLUMN "brandId" DROP NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "outbox_message" ALTER COLUMN "brandId" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "outbox_message" DROP COLUMN "passwordLinkId"');
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
