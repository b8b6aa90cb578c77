import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Passkeys that confirm decisions, the WebAuthn challenges the server issues, and the policy's
 * passkey requirement (NONE for every existing version). The column is added in place (ALTER TABLE
 * … ADD COLUMN), as MembersAndSessions does.
 */
export class Passkeys1796700100000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "passkey" ("id" varchar(64) PRIMARY KEY NOT NULL, "userId" varchar(64) NOT NULL, "credentialId" varchar(1024) NOT NULL, "publicKey" text NOT NULL, "spki" text NOT NULL, "counter" integer NOT NULL, "transports" text NOT NULL, "name" varchar(100) NOT NULL, "createdAt" datetime NOT NULL, "lastUsedAt" datetime, CONSTRAINT "uq_passkey_credential" UNIQUE ("credentialId"))',
    );
    await queryRunner.query('CREATE INDEX "ix_passkey_user" ON "passkey" ("userId") ');
    await queryRunner.query(
      'CREATE TABLE "webauthn_challenge" ("id" varchar(64) PRIMARY KEY NOT NULL, "userId" varchar(64) NOT NULL, "purpose" varchar(16) NOT NULL, "challenge" varchar(128) NOT NULL, "nonce" varchar(64), "decision" text, "expiresAt" datetime NOT NULL, "usedAt" datetime, "createdAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_webauthn_challenge_user" ON "webauthn_challenge" ("userId", "challenge") ',
    );
    await queryRunner.query(
      'ALTER TABLE "approval_policy" ADD COLUMN "passkeyRequiredFor" varchar(16) NOT NULL DEFAULT (\'NONE\')',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "approval_policy" DROP COLUMN "passkeyRequiredFor"');
    await queryRunner.query('DROP INDEX "ix_webauthn_challenge_user"');
    await queryRunner.query('DROP TABLE "webauthn_challenge"');
    await queryRunner.query('DROP INDEX "ix_passkey_user"');
    await queryRunner.query('DROP TABLE "passkey"');
  }
}
