import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OIDC sign-in: the providers brand admins configure (their client secret sealed), the brands each
 * serves with their SSO requirement, and the one-time codes a completed sign-in hands the browser.
 */
export class OidcSignIn1796800600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "oidc_provider_brand" ("brandId" varchar(64) PRIMARY KEY NOT NULL, "providerId" varchar(64) NOT NULL, "ssoRequired" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_oidc_provider_brand_provider" ON "oidc_provider_brand" ("providerId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "oidc_provider" ("id" varchar(64) PRIMARY KEY NOT NULL, "name" varchar(100) NOT NULL, "issuer" varchar(2048) NOT NULL, "clientId" varchar(255) NOT NULL, "sealedClientSecret" text NOT NULL, "emailDomains" text NOT NULL, "createdById" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "oidc_sign_in_code" ("codeHash" varchar(64) PRIMARY KEY NOT NULL, "userId" varchar(64) NOT NULL, "providerId" varchar(64) NOT NULL, "expiresAt" datetime NOT NULL, "createdAt" datetime NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "oidc_sign_in_code"');
    await queryRunner.query('DROP TABLE "oidc_provider"');
    await queryRunner.query('DROP INDEX "ix_oidc_provider_brand_provider"');
    await queryRunner.query('DROP TABLE "oidc_provider_brand"');
  }
}
