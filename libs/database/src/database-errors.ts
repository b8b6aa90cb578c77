/** The driver's error code behind a TypeORM error (PostgreSQL SQLSTATE or SQLite code). */
function driverCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = candidate?.driverError?.code ?? candidate?.code;
  return typeof code === 'string' ? code : undefined;
}

const TRANSIENT = new Set([
  '40001', // PostgreSQL serialization_failure
  '40P01', // PostgreSQL deadlock_detected
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
]);

const UNIQUE_VIOLATION = new Set([
  '23505',
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
]);

/** Whether a database error means "try the whole transaction again". */
export function isTransientDatabaseError(error: unknown): boolean {
  return TRANSIENT.has(driverCode(error) ?? '');
}

/** Whether a database error is a unique constraint refusing a duplicate. */
export function isUniqueViolation(error: unknown): boolean {
  return UNIQUE_VIOLATION.has(driverCode(error) ?? '');
}
