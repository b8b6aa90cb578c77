import { Column, ColumnOptions, getMetadataArgsStorage } from 'typeorm';

export type Dialect = 'sqlite' | 'postgres';

type PortableKind = 'datetime' | 'json';

/** Column types per dialect for the kinds that have no type name common to both. */
const TYPES: Record<PortableKind, Record<Dialect, ColumnOptions['type']>> = {
  datetime: { sqlite: 'datetime', postgres: 'timestamptz' },
  json: { sqlite: 'simple-json', postgres: 'jsonb' },
};

// Decorators run when an entity file is imported, before the configuration says which database is
// in use; the portable columns are remembered here and given their type by `applyDialect`.
const portableColumns: { target: object; propertyName: string; kind: PortableKind }[] = [];

function portableColumn(kind: PortableKind, options: ColumnOptions): PropertyDecorator {
  return (target, propertyName) => {
    Column({ ...options, type: TYPES[kind].sqlite })(target, propertyName);
    portableColumns.push({ target: target.constructor, propertyName: String(propertyName), kind });
  };
}

/** A point in time: `datetime` on SQLite, `timestamptz` on PostgreSQL. */
export const DateTimeColumn = (options: ColumnOptions = {}) => portableColumn('datetime', options);

/** A JSON value: text on SQLite, `jsonb` on PostgreSQL. */
export const JsonColumn = (options: ColumnOptions = {}) => portableColumn('json', options);

/** Gives every portable column its type for the dialect; call before a DataSource initialises. */
export function applyDialect(dialect: Dialect): void {
  const columns = getMetadataArgsStorage().columns;
  for (const portable of portableColumns) {
    const column = columns.find(
      (c) => c.target === portable.target && c.propertyName === portable.propertyName,
    );
    if (column) column.options.type = TYPES[portable.kind][dialect];
  }
}
