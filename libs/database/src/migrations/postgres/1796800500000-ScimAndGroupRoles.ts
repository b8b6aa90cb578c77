import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provisioning by a brand's identity provider: its SCIM token (a hash), the users and groups it
 * provisions, the accounts it closed, and which of its groups give which roles. New tables only.
 */
export class ScimAndGroupRoles1796800500000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "group_role_mapping" ("id" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "group" character varying(256) NOT NULL, "groupKey" character varying(256) NOT NULL, "roles" jsonb NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_group_role_mapping_brand_group" UNIQUE ("brandId", "groupKey"), CONSTRAINT "PK_a0b9dcec1e2535e13a6da3e8c4b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "scim_closed_account" ("userId" character varying(64) NOT NULL, "closedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a86c9d83e1cf2b075ae4e04f215" PRIMARY KEY ("userId"))',
    );
    await queryRunner.query(
      'CREATE TABLE "scim_group_member" ("groupId" character varying(64) NOT NULL, "userId" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, CONSTRAINT "PK_67e1dd91599611c5f9a002daca1" PRIMARY KEY ("groupId", "userId"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_scim_group_member_brand_user" ON "scim_group_member"  ("brandId", "userId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "scim_group" ("id" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "displayName" character varying(256) NOT NULL, "groupKey" character varying(256) NOT NULL, "externalId" character varying(256), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_scim_group_brand_name" UNIQUE ("brandId", "groupKey"), CONSTRAINT "PK_7c1aa55b2b5914cb8c22ca5f800" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "scim_user" ("id" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "userId" character varying(64) NOT NULL, "externalId" character varying(256), "givenName" character varying(200), "familyName" character varying(200), "active" boolean NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_scim_user_brand_user" UNIQUE ("brandId", "userId"), CONSTRAINT "PK_d67f8a1c694add8068e9ba25809" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "scim_token" ("id" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "label" character varying(100) NOT NULL, "tokenHash" character varying(64) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_scim_token_hash" UNIQUE ("tokenHash"), CONSTRAINT "uq_scim_token_brand" UNIQUE ("brandId"), CONSTRAINT "PK_a5715b8446ee4a9cc6c0f19054d" PRIMARY KEY ("id"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "scim_token"');
    await queryRunner.query('DROP TABLE "scim_user"');
    await queryRunner.query('DROP TABLE "scim_group"');
    await queryRunner.query('DROP INDEX "public"."ix_scim_group_member_brand_user"');
    await queryRunner.query('DROP TABLE "scim_group_member"');
    await queryRunner.query('DROP TABLE "scim_closed_account"');
    await queryRunner.query('DROP TABLE "group_role_mapping"');
  }
}
