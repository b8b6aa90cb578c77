import type { DataSource } from 'typeorm';

/**
 * How many statements TypeORM sends on `dataSource` while `work` runs: its logger hears every one
 * (the same hook as the tests' recordStatements), so nothing else may use the database meanwhile.
 */
export async function statementsSent(
  dataSource: DataSource,
  work: () => Promise<unknown>,
): Promise<number> {
  const logger = dataSource.logger;
  const logQuery = logger.logQuery;
  let sent = 0;
  logger.logQuery = (...args) => {
    sent++;
    return logQuery.apply(logger, args);
  };
  try {
    await work();
    return sent;
  } finally {
    logger.logQuery = logQuery;
  }
}
