import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { Role } from './role';

/** A member whose roles shrank or changed, or who left the brand (`to` empty). */
export interface MembershipChange {
  brandId: string;
  userId: string;
  from: readonly Role[];
  to: readonly Role[];
  why: 'ROLES_CHANGED' | 'REMOVED' | 'DEACTIVATED';
}

/** A person who was just given a membership; `needsPassword` when they cannot sign in yet. */
export interface MemberAdded {
  brandId: string;
  user: { id: string; email: string; name: string };
  roles: readonly Role[];
  needsPassword: boolean;
}

/** What a later feature does on a membership change; what it returns joins the audit event. */
export type MembershipHook<T> = (
  ctx: RequestContext,
  change: T,
) => Promise<Record<string, unknown>>;

/**
 * Extension points for the features that follow memberships (the approval workflow takes a member
 * off the steps they no longer qualify for; the account emails welcome a new member), run inside
 * the change's transaction, before its audit event.
 */
@Injectable()
export class MembershipHooks {
  private readonly changedHooks: MembershipHook<MembershipChange>[] = [];
  private readonly addedHooks: MembershipHook<MemberAdded>[] = [];

  onChanged(hook: MembershipHook<MembershipChange>): void {
    this.changedHooks.push(hook);
  }

  onAdded(hook: MembershipHook<MemberAdded>): void {
    this.addedHooks.push(hook);
  }

  changed(ctx: RequestContext, change: MembershipChange): Promise<Record<string, unknown>> {
    return run(this.changedHooks, ctx, change);
  }

  added(ctx: RequestContext, added: MemberAdded): Promise<Record<string, unknown>> {
    return run(this.addedHooks, ctx, added);
  }
}

async function run<T>(
  hooks: readonly MembershipHook<T>[],
  ctx: RequestContext,
  change: T,
): Promise<Record<string, unknown>> {
  let data: Record<string, unknown> = {};
  for (const hook of hooks) data = { ...data, ...(await hook(ctx, change)) };
  return data;
}
