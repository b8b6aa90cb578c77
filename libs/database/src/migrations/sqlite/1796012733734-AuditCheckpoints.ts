import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditCheckpoints1796012733734 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_checkpoint" ("id" varchar(64) PRIMARY KEY NOT NULL, "brandId" varchar(64) NOT NULL, "size" integer NOT NULL, "headHash" varchar(64) NOT NULL, "signedAt" datetime NOT NULL, "keyId" varchar(100) NOT NULL, "signature" varchar(200) NOT NULL, CONSTRAINT "uq_audit_checkpoint_brand_size" UNIQUE ("brandId", "size"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "audit_checkpoint"');
  }
}
