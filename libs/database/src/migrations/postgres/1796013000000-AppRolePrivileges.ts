// Relative, not @standpoint/config: the test suite's global setup loads the migrations without the
// path aliases.
import { appRoleFromEnvironment } from '../../../../config/src/load-app-config';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantAppRolePrivileges } from '../../app-role-privileges';

/**
 * With DATABASE_APP_ROLE set (validated by the configuration before any migration runs), the
 * application role gets its privileges: audit rows it may INSERT and SELECT, never UPDATE, DELETE
 * or TRUNCATE, and no table of its own. `npx standpoint migrate` grants again after later migrations.
 */
export class AppRolePrivileges1796013000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const role = appRoleFromEnvironment();
    if (role) await grantAppRolePrivileges(queryRunner, role);
  }

  async down(): Promise<void> {
    // Privileges stay as they are: taking them away could stop a running application.
  }
}
