import { DataSource, QueryRunner } from 'typeorm';

interface SentStatement {
  sql: string;
  runner: QueryRunner | undefined;
}

/** What the database received while recording, and the transactions among it. */
export interface StatementRecording {
  /**
   * The statements sent inside the one transaction that sent a statement matching `marker`, each
   * as its kind (see `statementKind`): those between its BEGIN and its COMMIT, neither counted.
   */
  transactionWith(marker: RegExp): string[];
  stop(): void;
}

/**
 * Records every statement TypeORM sends on this DataSource (and on SQLite's read connection, which
 * shares its logger) until stopped: the logger hears each one, BEGIN and COMMIT included, with the
 * query runner that sent it, so a transaction's statements are told apart from other requests'.
 */
export function recordStatements(dataSource: DataSource): StatementRecording {
  const sent: SentStatement[] = [];
  const spy = jest
    .spyOn(dataSource.logger, 'logQuery')
    .mockImplementation((sql, _parameters, runner) => sent.push({ sql, runner }));
  return {
    transactionWith(marker) {
      const found = transactionsOf(sent).filter((statements) =>
        statements.some((sql) => marker.test(sql)),
      );
      if (found.length !== 1)
        throw new Error(`${found.length} transactions sent a statement matching ${marker}`);
      return found[0].slice(1, -1).map(statementKind);
    },
    stop: () => spy.mockRestore(),
  };
}

/** Each transaction's statements, BEGIN to COMMIT or ROLLBACK, per query runner. */
function transactionsOf(sent: readonly SentStatement[]): string[][] {
  const open = new Map<QueryRunner | undefined, string[]>();
  const done: string[][] = [];
  for (const { sql, runner } of sent) {
    if (/^(BEGIN|START TRANSACTION)\b/i.test(sql)) open.set(runner, []);
    const statements = open.get(runner);
    if (!statements) continue;
    statements.push(sql);
    if (/^(COMMIT|ROLLBACK)\b/i.test(sql)) {
      done.push(statements);
      open.delete(runner);
    }
  }
  return done;
}

/**
 * A statement as its verb and its table, `SELECT user` or `INSERT outbox_message`, and the
 * others as their first words (`BEGIN`, `SELECT pg_advisory_xact_lock`), so a list of them reads
 * as what a change did.
 */
export function statementKind(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim();
  const table = (pattern: RegExp) => pattern.exec(text)?.[1];
  const verb = /^\w+/.exec(text)?.[0].toUpperCase() ?? text;
  const target =
    verb === 'SELECT'
      ? table(/\bFROM "?(\w+)"?/i)
      : verb === 'INSERT'
        ? table(/^INSERT INTO "?(\w+)"?/i)
        : verb === 'UPDATE'
          ? table(/^UPDATE "?(\w+)"?/i)
          : verb === 'DELETE'
            ? table(/^DELETE FROM "?(\w+)"?/i)
            : undefined;
  if (target) return `${verb} ${target}`;
  return text.split(' ').slice(0, 2).join(' ').replace(/\(.*$/, '');
}
