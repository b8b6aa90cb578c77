import { MigrationInterface, QueryRunner } from 'typeorm';

/** The database itself refuses to change or remove an audit event. */
export class AuditAppendOnly1796001900000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON "audit_event" ' +
        'FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()',
    );
    await queryRunner.query(
      'CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event" ' +
        'FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_event_no_truncate ON "audit_event"');
    await queryRunner.query('DROP TRIGGER audit_event_no_update_delete ON "audit_event"');
    await queryRunner.query('DROP FUNCTION audit_event_refuse_change()');
  }
}
