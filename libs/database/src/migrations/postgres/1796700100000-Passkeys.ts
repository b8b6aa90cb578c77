import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Passkeys that confirm decisions, the WebAuthn challenges the server issues, and the policy's
 * passkey requirement (NONE for every existing version).
 */
export class Passkeys1796700100000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "passkey" ("id" character varying(64) NOT NULL, "userId" character varying(64) NOT NULL, "credentialId" character varying(1024) NOT NULL, "publicKey" text NOT NULL, "spki" text NOT NULL, "counter" integer NOT NULL, "transports" jsonb NOT NULL, "name" character varying(100) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "lastUsedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_passkey_credential" UNIQUE ("credentialId"), CONSTRAINT "PK_783e2060d8025abd6a6ca45d2c7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_passkey_user" ON "passkey"  ("userId") ');
    await queryRunner.query(
      'CREATE TABLE "webauthn_challenge" ("id" character varying(64) NOT NULL, "userId" character varying(64) NOT NULL, "purpose" character varying(16) NOT NULL, "challenge" character varying(128) NOT NULL, "nonce" character varying(64), "decision" jsonb, "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "usedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_cd14c6aa3c5fe184c612ee247e1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webauthn_challenge_user" ON "webauthn_challenge"  ("userId", "challenge") ',
    );
    await queryRunner.query(
      'ALTER TABLE "approval_policy" ADD "passkeyRequiredFor" character varying(16) NOT NULL DEFAULT \'NONE\'',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "approval_policy" DROP COLUMN "passkeyRequiredFor"');
    await queryRunner.query('DROP INDEX "public"."ix_webauthn_challenge_user"');
    await queryRunner.query('DROP TABLE "webauthn_challenge"');
    await queryRunner.query('DROP INDEX "public"."ix_passkey_user"');
    await queryRunner.query('DROP TABLE "passkey"');
  }
}
