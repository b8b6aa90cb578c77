import { MigrationInterface, QueryRunner } from 'typeorm';

/** A signed checkpoint is evidence too: the database refuses to change or remove one. */
export class CheckpointsAppendOnly1796012990000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_checkpoint_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit checkpoints are append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER audit_checkpoint_no_update_delete BEFORE UPDATE OR DELETE ON "audit_checkpoint" ' +
        'FOR EACH ROW EXECUTE FUNCTION audit_checkpoint_refuse_change()',
    );
    await queryRunner.query(
      'CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON "audit_checkpoint" ' +
        'FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoint_refuse_change()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_checkpoint_no_truncate ON "audit_checkpoint"');
    await queryRunner.query('DROP TRIGGER audit_checkpoint_no_update_delete ON "audit_checkpoint"');
    await queryRunner.query('DROP FUNCTION audit_checkpoint_refuse_change()');
  }
}
