import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DomainError } from '@standpoint/errors';
import { textProblem } from './text-rules';

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

/** What a cursor's key is made of, in order: a sequence number, an id or other text, or either. */
export type CursorKeyKind = 'number' | 'string' | 'number or string';
type CursorKey<K extends readonly CursorKeyKind[]> = {
  [I in keyof K]: K[I] extends 'number' ? number : K[I] extends 'string' ? string : number | string;
};

/** Longer than any cursor a list of ours gives out. */
const MAX_CURSOR_LENGTH = 1000;

function keyFits(key: unknown, kind: CursorKeyKind): boolean {
  const number = Number.isSafeInteger(key);
  const text = typeof key === 'string' && key.length <= MAX_CURSOR_LENGTH && !textProblem(key);
  return kind === 'number' ? number : kind === 'string' ? text : number || text;
}

/**
 * Opaque, stable cursors: the sort key of a row, encoded. A cursor is only meaningful to the list
 * that made it: decoding checks that it holds exactly the key that list gives out (its `kinds`),
 * and anything else — malformed, another list's, a forged one — is BAD_USER_INPUT, never a query.
 */
export const cursors = {
  encode(key: readonly (string | number)[]): string {
    return Buffer.from(JSON.stringify(key)).toString('base64url');
  },
  decode<const K extends readonly CursorKeyKind[]>(cursor: string, kinds: K): CursorKey<K> {
    try {
      const key: unknown =
        cursor.length <= MAX_CURSOR_LENGTH
          ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
          : undefined;
      if (
        Array.isArray(key) &&
        key.length === kinds.length &&
        key.every((part, i) => keyFits(part, kinds[i]))
      ) {
        return key as CursorKey<K>;
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
