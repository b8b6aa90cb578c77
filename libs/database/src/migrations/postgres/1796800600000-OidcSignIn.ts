import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OIDC sign-in: the providers brand admins configure (their client secret sealed), the brands each
 * serves with their SSO requirement, and the one-time codes a completed sign-in hands the browser.
 */
export class OidcSignIn1796800600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "oidc_provider_brand" ("brandId" character varying(64) NOT NULL, "providerId" character varying(64) NOT NULL, "ssoRequired" boolean NOT NULL DEFAULT false, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_70f6e4897b4afd3298dca2e1656" PRIMARY KEY ("brandId"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_oidc_provider_brand_provider" ON "oidc_provider_brand"  ("providerId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "oidc_provider" ("id" character varying(64) NOT NULL, "name" character varying(100) NOT NULL, "issuer" character varying(2048) NOT NULL, "clientId" character varying(255) NOT NULL, "sealedClientSecret" text NOT NULL, "emailDomains" jsonb NOT NULL, "createdById" character varying(64) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b6b27369299cdf812f5001686e8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "oidc_sign_in_code" ("codeHash" character varying(64) NOT NULL, "userId" character varying(64) NOT NULL, "providerId" character varying(64) NOT NULL, "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f271a85456fb8226d6eb061ec7f" PRIMARY KEY ("codeHash"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "oidc_sign_in_code"');
    await queryRunner.query('DROP TABLE "oidc_provider"');
    await queryRunner.query('DROP INDEX "public"."ix_oidc_provider_brand_provider"');
    await queryRunner.query('DROP TABLE "oidc_provider_brand"');
  }
}
