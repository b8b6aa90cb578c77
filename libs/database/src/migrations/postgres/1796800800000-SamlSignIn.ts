import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SAML sign-in. The brands a provider serves and the one-time sign-in codes become every
 * protocol's (`sso_provider_brand` with the provider's protocol, the existing rows OIDC's;
 * `sso_sign_in_code`); SAML providers, the AuthnRequests awaiting an answer, and the assertions
 * already used are added.
 */
export class SamlSignIn1796800800000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "oidc_provider_brand" RENAME TO "sso_provider_brand"');
    await queryRunner.query(
      'ALTER TABLE "sso_provider_brand" RENAME CONSTRAINT "PK_70f6e4897b4afd3298dca2e1656" TO "PK_969c55befa636ac2056258625c1"',
    );
    await queryRunner.query(
      'ALTER INDEX "ix_oidc_provider_brand_provider" RENAME TO "ix_sso_provider_brand_provider"',
    );
    await queryRunner.query(
      'ALTER TABLE "sso_provider_brand" ADD COLUMN "protocol" character varying(8) NOT NULL DEFAULT \'OIDC\'',
    );
    await queryRunner.query(
      'ALTER TABLE "sso_provider_brand" ALTER COLUMN "protocol" DROP DEFAULT',
    );
    await queryRunner.query('ALTER TABLE "oidc_sign_in_code" RENAME TO "sso_sign_in_code"');
    await queryRunner.query(
      'ALTER TABLE "sso_sign_in_code" RENAME CONSTRAINT "PK_f271a85456fb8226d6eb061ec7f" TO "PK_46ade5b1407e6ca0bac6c9fc01f"',
    );
    await queryRunner.query(
      'CREATE TABLE "saml_provider" ("id" character varying(64) NOT NULL, "name" character varying(100) NOT NULL, "idpEntityId" character varying(1024) NOT NULL, "idpSsoUrl" character varying(2048) NOT NULL, "idpCertificates" jsonb NOT NULL, "emailDomains" jsonb NOT NULL, "emailAttribute" character varying(255), "groupsAttribute" character varying(255) NOT NULL DEFAULT \'groups\', "createdById" character varying(64) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_7992e185832b2e2e39285d13d30" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "saml_assertion_seen" ("assertionHash" character varying(64) NOT NULL, "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ce76961c6774d901ec1297148ce" PRIMARY KEY ("assertionHash"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_saml_assertion_seen_expires" ON "saml_assertion_seen"  ("expiresAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "saml_request" ("id" character varying(128) NOT NULL, "providerId" character varying(64) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b15965f9b2fadb121de2215a94d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_saml_request_expires" ON "saml_request"  ("expiresAt") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_saml_request_expires"');
    await queryRunner.query('DROP TABLE "saml_request"');
    await queryRunner.query('DROP INDEX "public"."ix_saml_assertion_seen_expires"');
    await queryRunner.query('DROP TABLE "saml_assertion_seen"');
    await queryRunner.query('DROP TABLE "saml_provider"');
    await queryRunner.query(
      'ALTER TABLE "sso_sign_in_code" RENAME CONSTRAINT "PK_46ade5b1407e6ca0bac6c9fc01f" TO "PK_f271a85456fb8226d6eb061ec7f"',
    );
    await queryRunner.query('ALTER TABLE "sso_sign_in_code" RENAME TO "oidc_sign_in_code"');
    await queryRunner.query('DELETE FROM "sso_provider_brand" WHERE "protocol" <> \'OIDC\'');
    await queryRunner.query('ALTER TABLE "sso_provider_brand" DROP COLUMN "protocol"');
    await queryRunner.query(
      'ALTER INDEX "ix_sso_provider_brand_provider" RENAME TO "ix_oidc_provider_brand_provider"',
    );
    await queryRunner.query(
      'ALTER TABLE "sso_provider_brand" RENAME CONSTRAINT "PK_969c55befa636ac2056258625c1" TO "PK_70f6e4897b4afd3298dca2e1656"',
    );
    await queryRunner.query('ALTER TABLE "sso_provider_brand" RENAME TO "oidc_provider_brand"');
  }
}
