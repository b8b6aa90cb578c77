import { QueryRunner } from 'typeorm';

/** Tables whose rows, once written, the application never changes: it may only add and read. */
const APPEND_ONLY_TABLES = ['audit_event', 'audit_checkpoint'] as const;

/** PostgreSQL identifiers we accept for a role: plain lower-case names, so no quoting games. */
export const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Gives a separate application role what the API and workers need on PostgreSQL, and no more on
 * the audit trail: it may INSERT and SELECT audit rows but not UPDATE, DELETE or TRUNCATE them, and
 * it owns nothing (the migrating role does). Idempotent; run by the migrating (owner) role.
 */
export async function grantAppRolePrivileges(runner: QueryRunner, role: string): Promise<void> {
  if (!ROLE_NAME.test(role)) throw new Error(`"${role}" is not a plain PostgreSQL role name`);
  const [{ exists, owner }] = (await runner.query(
    'SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists, current_user = $1 AS owner',
    [role],
  )) as { exists: boolean; owner: boolean }[];
  if (!exists)
    throw new Error(
      `the application role ${role} does not exist; create it first (CREATE ROLE ${role} LOGIN PASSWORD '…')`,
    );
  if (owner)
    throw new Error(
      `the application role ${role} is the role that migrates and owns the tables; use another one`,
    );
  const [{ schema }] = (await runner.query('SELECT current_schema() AS schema')) as {
    schema: string;
  }[];
  const present = (await runner.query(
    'SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename = ANY($2)',
    [schema, [...APPEND_ONLY_TABLES]],
  )) as { tablename: string }[];
  const statements = [
    `GRANT USAGE ON SCHEMA "${schema}" TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "${schema}" TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "${schema}" TO ${role}`,
    // Tables that later migrations create, by this same owner, are usable without another run.
    `ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
    // The application reads which migrations are applied; only the owner applies them.
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "${schema}"."migrations" FROM ${role}`,
    ...present.map(
      ({ tablename }) =>
        `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "${schema}"."${tablename}" FROM ${role}`,
    ),
  ];
  for (const statement of statements) await runner.query(statement);
}
