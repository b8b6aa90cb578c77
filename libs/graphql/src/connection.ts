import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DomainError } from './domain-error';

@ObjectType('PageInfo')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** The `<Name>Connection` and `<Name>Edge` object types of a Relay connection over `node`. */
export function ConnectionType<T>(name: string, node: Type<T>): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionObject {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionObject;
}

/** The page size asked for, checked against the list's bound; a bad one is BAD_USER_INPUT. */
export function pageSize(
  first: number | null | undefined,
  defaultSize: number,
  max: number,
): number {
  const size = first ?? defaultSize;
  const broken = !Number.isInteger(size)
    ? 'isInt'
    : size < 1
      ? 'min'
      : size > max
        ? 'max'
        : undefined;
  if (broken) {
    const message = `first must be a whole number between 1 and ${max} (got ${size})`;
    throw DomainError.badInput(message, {
      fields: [{ field: 'first', rules: [broken], messages: [message] }],
    });
  }
  return size;
}

/**
 * Opaque, stable cursors: the sort key of a row, encoded. A cursor is only meaningful to the list
 * that made it; a malformed one is BAD_USER_INPUT.
 */
export const cursors = {
  encode(key: readonly (string | number)[]): string {
    return Buffer.from(JSON.stringify(key)).toString('base64url');
  },
  decode(cursor: string): (string | number)[] {
    try {
      const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (Array.isArray(key) && key.every((k) => typeof k === 'string' || typeof k === 'number')) {
        return key;
      }
    } catch {
      // reported below
    }
    throw DomainError.badInput(`after is not a cursor of this list`, {
      fields: [{ field: 'after', rules: ['cursor'], messages: ['not a cursor of this list'] }],
    });
  },
};

/**
 * Builds a connection from `rows`, fetched with a limit of `size + 1` so that the extra row tells
 * whether a next page exists.
 */
export function toConnection<Row, T>(
  rows: readonly Row[],
  size: number,
  totalCount: number,
  keyOf: (row: Row) => readonly (string | number)[],
  toNode: (row: Row) => T,
): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((row) => ({ cursor: cursors.encode(keyOf(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
