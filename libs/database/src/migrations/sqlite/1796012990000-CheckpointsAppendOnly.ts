import { MigrationInterface, QueryRunner } from 'typeorm';

/** A signed checkpoint is evidence too: the database refuses to change or remove one. */
export class CheckpointsAppendOnly1796012990000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const operation of ['UPDATE', 'DELETE']) {
      await queryRunner.query(
        `CREATE TRIGGER "audit_checkpoint_no_${operation.toLowerCase()}" BEFORE ${operation} ON "audit_checkpoint" ` +
          `BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only: ${operation} refused'); END`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "audit_checkpoint_no_delete"');
    await queryRunner.query('DROP TRIGGER "audit_checkpoint_no_update"');
  }
}
