import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { TransactionRunner } from '@standpoint/database';
import { from, lastValueFrom, Observable } from 'rxjs';
import { requestContextOf } from './request-context.decorator';

/**
 * Every GraphQL mutation runs in exactly one transaction. The handler is subscribed anew on each
 * attempt, so a retried transaction re-runs the whole mutation.
 */
@Injectable()
export class TransactionInterceptor implements NestInterceptor {
  constructor(private readonly transactions: TransactionRunner) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const operation = GqlExecutionContext.create(context).getInfo<{
      parentType: { name: string };
    }>();
    if (operation.parentType.name !== 'Mutation') return next.handle();
    const ctx = requestContextOf(context);
    return from(this.transactions.run(ctx, () => lastValueFrom(next.handle())));
  }
}
