import { Injectable } from '@nestjs/common';
import { Field, ID, InterfaceType, Query, Resolver } from '@nestjs/graphql';
import { Args } from './validated-args';
import { idPrefix, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { Ctx } from './request-context.decorator';

/** The Relay Node interface; implementations are told apart by their class. */
@InterfaceType('Node', { resolveType: (value: object) => value.constructor })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}

/**
 * Loads one object by id for `node(id)`, with the same authorization as its own query: it throws
 * NOT_FOUND (or FORBIDDEN) rather than answer what the viewer may not see.
 */
export type NodeFetcher = (ctx: RequestContext, id: string) => Promise<Node>;

/** Features register a fetcher for the id prefix of each Node type they own. */
@Injectable()
export class NodeRegistry {
  private readonly fetchers = new Map<string, NodeFetcher>();

  register(prefix: string, fetcher: NodeFetcher): void {
    this.fetchers.set(prefix, fetcher);
  }

  async fetch(ctx: RequestContext, id: string): Promise<Node> {
    const fetcher = this.fetchers.get(idPrefix(id) ?? '');
    if (!fetcher) throw DomainError.notFound('Node');
    return fetcher(ctx, id);
  }
}

@Resolver()
export class NodeResolver {
  constructor(private readonly nodes: NodeRegistry) {}

  @Query(() => Node, { nullable: true })
  node(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Node> {
    return this.nodes.fetch(ctx, id);
  }
}
