import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1796001896672 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "brand" ("id" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "slug" character varying(63) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_f4436285f5d5785c7fb0b28b309" UNIQUE ("slug"), CONSTRAINT "PK_a5d20765ddd942eb5de4eee2d7f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "audit_event" ("id" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "seq" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actorId" character varying(64), "actorLabel" character varying(400) NOT NULL, "action" character varying(100) NOT NULL, "entityType" character varying(50) NOT NULL, "entityId" character varying(64) NOT NULL, "data" jsonb NOT NULL, "prevHash" character varying(64) NOT NULL, "hash" character varying(64) NOT NULL, "canonical" text NOT NULL, CONSTRAINT "uq_audit_event_brand_seq" UNIQUE ("brandId", "seq"), CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "user" ("id" character varying(64) NOT NULL, "email" character varying(320) NOT NULL, "name" character varying(200) NOT NULL, "passwordHash" character varying(200), "platformAdmin" boolean NOT NULL DEFAULT false, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_e12875dfb3b1d92d7d7c5377e22" UNIQUE ("email"), CONSTRAINT "PK_cace4a159ff9f2512dd42373760" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "membership" ("id" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "userId" character varying(64) NOT NULL, "roles" jsonb NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_membership_brand_user" UNIQUE ("brandId", "userId"), CONSTRAINT "PK_83c1afebef3059472e7c37e8de8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_membership_user" ON "membership"  ("userId") ');
    await queryRunner.query(
      'ALTER TABLE "membership" ADD CONSTRAINT "FK_a936094885c3cf1dd695517f741" FOREIGN KEY ("brandId") REFERENCES "brand"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "membership" ADD CONSTRAINT "FK_eef2d9d9c70cd13bed868afedf4" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "membership" DROP CONSTRAINT "FK_eef2d9d9c70cd13bed868afedf4"',
    );
    await queryRunner.query(
      'ALTER TABLE "membership" DROP CONSTRAINT "FK_a936094885c3cf1dd695517f741"',
    );
    await queryRunner.query('DROP INDEX "public"."ix_membership_user"');
    await queryRunner.query('DROP TABLE "membership"');
    await queryRunner.query('DROP TABLE "user"');
    await queryRunner.query('DROP TABLE "audit_event"');
    await queryRunner.query('DROP TABLE "brand"');
  }
}
