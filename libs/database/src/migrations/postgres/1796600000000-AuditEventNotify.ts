import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every audit event inserted NOTIFYs the channel `standpoint_audit` with `<brandId>:<seq>:<id>`, in
 * the inserting transaction: PostgreSQL delivers it to every LISTENing process if and only if the
 * change commits (PostgresAuditEventBus). Done by the database, the announcement costs a change no
 * statement of its own and no insert can skip it.
 */
export class AuditEventNotify1796600000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('standpoint_audit', NEW."brandId" || ':' || NEW.seq || ':' || NEW.id);
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER audit_event_notify AFTER INSERT ON "audit_event" ' +
        'FOR EACH ROW EXECUTE FUNCTION audit_event_notify()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_event_notify ON "audit_event"');
    await queryRunner.query('DROP FUNCTION audit_event_notify()');
  }
}
