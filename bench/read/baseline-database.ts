import type { Pool } from 'pg';

/** One request's way to the database, counting the statements it sends. */
export class BaselineDatabase {
  statements = 0;

  constructor(private readonly pool: Pool) {}

  async query<Row>(sql: string, parameters: unknown[]): Promise<Row[]> {
    this.statements++;
    return (await this.pool.query(sql, parameters)).rows as Row[];
  }
}
