import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SAML sign-in. The brands a provider serves and the one-time sign-in codes become every
 * protocol's (`sso_provider_brand` with the provider's protocol, the existing rows OIDC's;
 * `sso_sign_in_code`); SAML providers, the AuthnRequests awaiting an answer, and the assertions
 * already used are added.
 */
export class SamlSignIn1796800800000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "sso_provider_brand" ("brandId" varchar(64) PRIMARY KEY NOT NULL, "providerId" varchar(64) NOT NULL, "protocol" varchar(8) NOT NULL, "ssoRequired" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "sso_provider_brand" ("brandId", "providerId", "protocol", "ssoRequired", "createdAt") SELECT "brandId", "providerId", \'OIDC\', "ssoRequired", "createdAt" FROM "oidc_provider_brand"',
    );
    await queryRunner.query('DROP INDEX "ix_oidc_provider_brand_provider"');
    await queryRunner.query('DROP TABLE "oidc_provider_brand"');
    await queryRunner.query(
      'CREATE INDEX "ix_sso_provider_brand_provider" ON "sso_provider_brand" ("providerId") ',
    );
    await queryRunner.query('ALTER TABLE "oidc_sign_in_code" RENAME TO "sso_sign_in_code"');
    await queryRunner.query(
      'CREATE TABLE "saml_provider" ("id" varchar(64) PRIMARY KEY NOT NULL, "name" varchar(100) NOT NULL, "idpEntityId" varchar(1024) NOT NULL, "idpSsoUrl" varchar(2048) NOT NULL, "idpCertificates" text NOT NULL, "emailDomains" text NOT NULL, "emailAttribute" varchar(255), "groupsAttribute" varchar(255) NOT NULL DEFAULT (\'groups\'), "createdById" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "saml_assertion_seen" ("assertionHash" varchar(64) PRIMARY KEY NOT NULL, "expiresAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_saml_assertion_seen_expires" ON "saml_assertion_seen" ("expiresAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "saml_request" ("id" varchar(128) PRIMARY KEY NOT NULL, "providerId" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, "expiresAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_saml_request_expires" ON "saml_request" ("expiresAt") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_saml_request_expires"');
    await queryRunner.query('DROP TABLE "saml_request"');
    await queryRunner.query('DROP INDEX "ix_saml_assertion_seen_expires"');
    await queryRunner.query('DROP TABLE "saml_assertion_seen"');
    await queryRunner.query('DROP TABLE "saml_provider"');
    await queryRunner.query('ALTER TABLE "sso_sign_in_code" RENAME TO "oidc_sign_in_code"');
    await queryRunner.query(
      'CREATE TABLE "oidc_provider_brand" ("brandId" varchar(64) PRIMARY KEY NOT NULL, "providerId" varchar(64) NOT NULL, "ssoRequired" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "oidc_provider_brand" ("brandId", "providerId", "ssoRequired", "createdAt") SELECT "brandId", "providerId", "ssoRequired", "createdAt" FROM "sso_provider_brand" WHERE "protocol" = \'OIDC\'',
    );
    await queryRunner.query('DROP INDEX "ix_sso_provider_brand_provider"');
    await queryRunner.query('DROP TABLE "sso_provider_brand"');
    await queryRunner.query(
      'CREATE INDEX "ix_oidc_provider_brand_provider" ON "oidc_provider_brand" ("providerId") ',
    );
  }
}
