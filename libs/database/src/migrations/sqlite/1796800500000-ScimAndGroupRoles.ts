import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provisioning by a brand's identity provider: its SCIM token (a hash), the users and groups it
 * provisions, the accounts it closed, and which of its groups give which roles. New tables only.
 */
export class ScimAndGroupRoles1796800500000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "group_role_mapping" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "group" varchar(256) NOT NULL, "groupKey" varchar(256) NOT NULL, "roles" text NOT NULL, "updatedAt" datetime NOT NULL, CONSTRAINT "uq_group_role_mapping_brand_group" UNIQUE ("brandId", "groupKey"))',
    );
    await queryRunner.query(
      'CREATE TABLE "scim_closed_account" ("userId" varchar(64) PRIMARY KEY NOT NULL, "closedAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "scim_group_member" ("groupId" varchar(64) NOT NULL, "userId" varchar(64) NOT NULL, "brandId" varchar(64) NOT NULL, PRIMARY KEY ("groupId", "userId"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_scim_group_member_brand_user" ON "scim_group_member" ("brandId", "userId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "scim_group" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "displayName" varchar(256) NOT NULL, "groupKey" varchar(256) NOT NULL, "externalId" varchar(256), "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, CONSTRAINT "uq_scim_group_brand_name" UNIQUE ("brandId", "groupKey"))',
    );
    await queryRunner.query(
      'CREATE TABLE "scim_user" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "userId" varchar(64) NOT NULL, "externalId" varchar(256), "givenName" varchar(200), "familyName" varchar(200), "active" boolean NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, CONSTRAINT "uq_scim_user_brand_user" UNIQUE ("brandId", "userId"))',
    );
    await queryRunner.query(
      'CREATE TABLE "scim_token" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "label" varchar(100) NOT NULL, "tokenHash" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, CONSTRAINT "uq_scim_token_hash" UNIQUE ("tokenHash"), CONSTRAINT "uq_scim_token_brand" UNIQUE ("brandId"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "scim_token"');
    await queryRunner.query('DROP TABLE "scim_user"');
    await queryRunner.query('DROP TABLE "scim_group"');
    await queryRunner.query('DROP INDEX "ix_scim_group_member_brand_user"');
    await queryRunner.query('DROP TABLE "scim_group_member"');
    await queryRunner.query('DROP TABLE "scim_closed_account"');
    await queryRunner.query('DROP TABLE "group_role_mapping"');
  }
}
