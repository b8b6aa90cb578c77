import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence read from a file (a listening export) keeps where it came from: the tool, the file's
 * name and SHA-256, and the rows read. Nullable columns, added in place (ALTER TABLE … ADD).
 */
export class ListeningImports1796800100000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "evidence" ADD COLUMN "importedFrom" varchar(32)');
    await queryRunner.query('ALTER TABLE "evidence" ADD COLUMN "sourceFileName" varchar(255)');
    await queryRunner.query('ALTER TABLE "evidence" ADD COLUMN "sourceFileSha256" varchar(64)');
    await queryRunner.query('ALTER TABLE "evidence" ADD COLUMN "rowsRead" integer');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "evidence" DROP COLUMN "rowsRead"');
    await queryRunner.query('ALTER TABLE "evidence" DROP COLUMN "sourceFileSha256"');
    await queryRunner.query('ALTER TABLE "evidence" DROP COLUMN "sourceFileName"');
    await queryRunner.query('ALTER TABLE "evidence" DROP COLUMN "importedFrom"');
  }
}
