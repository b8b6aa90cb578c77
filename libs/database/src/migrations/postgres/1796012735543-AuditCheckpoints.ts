import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditCheckpoints1796012735543 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_checkpoint" ("id" character varying(64) NOT NULL, "brandId" character varying(64) NOT NULL, "size" integer NOT NULL, "headHash" character varying(64) NOT NULL, "signedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "keyId" character varying(100) NOT NULL, "signature" character varying(200) NOT NULL, CONSTRAINT "uq_audit_checkpoint_brand_size" UNIQUE ("brandId", "size"), CONSTRAINT "PK_9720e45bb755b61bb1ab7d43839" PRIMARY KEY ("id"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "audit_checkpoint"');
  }
}
