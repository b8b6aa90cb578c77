import { MigrationInterface, QueryRunner } from 'typeorm';

/** The database itself refuses to change or remove an audit event (SQLite has no TRUNCATE). */
export class AuditAppendOnly1796001900000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const operation of ['UPDATE', 'DELETE']) {
      await queryRunner.query(
        `CREATE TRIGGER "audit_event_no_${operation.toLowerCase()}" BEFORE ${operation} ON "audit_event" ` +
          `BEGIN SELECT RAISE(ABORT, 'audit events are append-only: ${operation} refused'); END`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "audit_event_no_delete"');
    await queryRunner.query('DROP TRIGGER "audit_event_no_update"');
  }
}
