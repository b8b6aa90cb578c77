import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { In, IsNull } from 'typeorm';
import { PasswordResetRequestEntity } from './password-reset-request.entity';
import { UserEntity } from './user.entity';

/** A reset request the worker took, with the active user of its address if there is one. */
export interface TakenResetRequest {
  request: PasswordResetRequestEntity;
  user: UserEntity | null;
}

/** The reset requests waiting for the worker (PasswordResetsService writes them). */
@Injectable()
export class PasswordResetQueue {
  /**
   * Takes up to `count` requests, oldest first, in the caller's transaction: they are deleted, so
   * each is handled once (on PostgreSQL other workers skip the locked rows).
   */
  async take(ctx: RequestContext, count: number): Promise<TakenResetRequest[]> {
    const query = ctx.em
      .createQueryBuilder(PasswordResetRequestEntity, 'r')
      .orderBy('r.createdAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(count);
    if (ctx.dialect === 'postgres') query.setLock('pessimistic_write').setOnLocked('skip_locked');
    const requests = await query.getMany();
    if (requests.length === 0) return [];
    await ctx.em.delete(PasswordResetRequestEntity, { id: In(requests.map((r) => r.id)) });
    const users = await ctx.em.findBy(UserEntity, {
      email: In([...new Set(requests.map((r) => r.email))]),
      deactivatedAt: IsNull(),
    });
    return requests.map((request) => ({
      request,
      user: users.find((u) => u.email === request.email) ?? null,
    }));
  }
}
