import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { TransactionRunner } from '@standpoint/database';
import { from, lastValueFrom, Observable } from 'rxjs';
import { MANAGES_OWN_TRANSACTIONS } from './manages-own-transactions.decorator';
import { requestContextOf } from './request-context.decorator';

/**
 * Every GraphQL mutation runs in exactly one transaction, unless it is marked
 * @ManagesOwnTransactions(). The handler is subscribed anew on each attempt, so a retried
 * transaction re-runs the whole mutation.
 */
@Injectable()
export class TransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const operation = GqlExecutionContext.create(context).getInfo<{
      parentType: { name: string };
    }>();
    if (operation.parentType.name !== 'Mutation') return next.handle();
    if (this.reflector.get<boolean>(MANAGES_OWN_TRANSACTIONS, context.getHandler())) {
      return next.handle();
    }
    const ctx = requestContextOf(context);
    return from(this.transactions.run(ctx, () => lastValueFrom(next.handle())));
  }
}
