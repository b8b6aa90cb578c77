import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1796001894120 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "brand" ("id" varchar(64) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "slug" varchar(63) NOT NULL, "createdAt" datetime NOT NULL, CONSTRAINT "UQ_f4436285f5d5785c7fb0b28b309" UNIQUE ("slug"))',
    );
    await queryRunner.query(
      'CREATE TABLE "audit_event" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "seq" integer NOT NULL, "at" datetime NOT NULL, "actorId" varchar(64), "actorLabel" varchar(400) NOT NULL, "action" varchar(100) NOT NULL, "entityType" varchar(50) NOT NULL, "entityId" varchar(64) NOT NULL, "data" text NOT NULL, "prevHash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL, "canonical" text NOT NULL, CONSTRAINT "uq_audit_event_brand_seq" UNIQUE ("brandId", "seq"))',
    );
    await queryRunner.query(
      'CREATE TABLE "user" ("id" varchar(64) PRIMARY KEY NOT NULL, "email" varchar(320) NOT NULL, "name" varchar(200) NOT NULL, "passwordHash" varchar(200), "platformAdmin" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL, CONSTRAINT "UQ_e12875dfb3b1d92d7d7c5377e22" UNIQUE ("email"))',
    );
    await queryRunner.query(
      'CREATE TABLE "membership" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "userId" varchar(64) NOT NULL, "roles" text NOT NULL, "createdAt" datetime NOT NULL, CONSTRAINT "uq_membership_brand_user" UNIQUE ("brandId", "userId"))',
    );
    await queryRunner.query('CREATE INDEX "ix_membership_user" ON "membership" ("userId") ');
    await queryRunner.query('DROP INDEX "ix_membership_user"');
    await queryRunner.query(
      'CREATE TABLE "temporary_membership" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "userId" varchar(64) NOT NULL, "roles" text NOT NULL, "createdAt" datetime NOT NULL, CONSTRAINT "uq_membership_brand_user" UNIQUE ("brandId", "userId"), CONSTRAINT "FK_a936094885c3cf1dd695517f741" FOREIGN KEY ("brandId") REFERENCES "brand" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_eef2d9d9c70cd13bed868afedf4" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_membership"("id", "brandId", "userId", "roles", "createdAt") SELECT "id", "brandId", "userId", "roles", "createdAt" FROM "membership"',
    );
    await queryRunner.query('DROP TABLE "membership"');
    await queryRunner.query('ALTER TABLE "temporary_membership" RENAME TO "membership"');
    await queryRunner.query('CREATE INDEX "ix_membership_user" ON "membership" ("userId") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_membership_user"');
    await queryRunner.query('ALTER TABLE "membership" RENAME TO "temporary_membership"');
    await queryRunner.query(
      'CREATE TABLE "membership" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "userId" varchar(64) NOT NULL, "roles" text NOT NULL, "createdAt" datetime NOT NULL, CONSTRAINT "uq_membership_brand_user" UNIQUE ("brandId", "userId"))',
    );
    await queryRunner.query(
      'INSERT INTO "membership"("id", "brandId", "userId", "roles", "createdAt") SELECT "id", "brandId", "userId", "roles", "createdAt" FROM "temporary_membership"',
    );
    await queryRunner.query('DROP TABLE "temporary_membership"');
    await queryRunner.query('CREATE INDEX "ix_membership_user" ON "membership" ("userId") ');
    await queryRunner.query('DROP INDEX "ix_membership_user"');
    await queryRunner.query('DROP TABLE "membership"');
    await queryRunner.query('DROP TABLE "user"');
    await queryRunner.query('DROP TABLE "audit_event"');
    await queryRunner.query('DROP TABLE "brand"');
  }
}
