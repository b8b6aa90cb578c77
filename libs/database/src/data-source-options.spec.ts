import { DEFAULT_POOL_SIZE, dataSourceOptions } from './data-source-options';

const url = 'postgres://standpoint@db.internal:5432/standpoint';
const poolOf = (options: ReturnType<typeof dataSourceOptions>) =>
  (options as { extra?: { max?: number } }).extra?.max;

describe('the PostgreSQL pool of one process', () => {
  it('holds DATABASE_POOL_SIZE connections, or the default', () => {
    expect(poolOf(dataSourceOptions({ dialect: 'postgres', url, poolSize: 3 }))).toBe(3);
    expect(poolOf(dataSourceOptions({ dialect: 'postgres', url }))).toBe(DEFAULT_POOL_SIZE);
  });
});
