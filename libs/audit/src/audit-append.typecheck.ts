import { RequestContext } from '@standpoint/database';
import { AuditService } from './audit.service';

/*
 * Type-level assertions on AuditService.append, checked by `npm run build` (CI builds before it
 * tests; specs are not type-checked there). Each `@ts-expect-error` fails the build once the
 * append below it is no longer refused. Never called.
 */

const membership = { brandId: 'brd_1', entityType: 'Membership', entityId: 'mbr_1' } as const;
const brand = { brandId: 'brd_1', entityType: 'Brand', entityId: 'brd_1' } as const;
const removed = { userId: 'usr_1', email: 'a@example.test', roles: ['REVIEWER'] };
const change = { brandId: 'brd_1', userId: 'usr_1', from: [], to: [], why: 'REMOVED' } as const;

export async function onlyCataloguedAppends(audit: AuditService, ctx: RequestContext) {
  // What the catalog says: accepted.
  await audit.append(ctx, { ...brand, action: 'brand.created', data: { name: 'A', slug: 'a' } });
  await audit.append(ctx, { ...membership, action: 'member.removed', data: removed }, change);

  await audit.append(ctx, {
    ...brand,
    // @ts-expect-error an action the catalog does not know
    action: 'brand.renamed',
    data: { name: 'A', slug: 'a' },
  });
  await audit.append(ctx, {
    ...brand,
    action: 'brand.created',
    // @ts-expect-error a key the payload does not have
    data: { name: 'A', slug: 'a', colour: 'red' },
  });
  await audit.append(ctx, {
    ...brand,
    action: 'brand.created',
    // @ts-expect-error a key missing
    data: { name: 'A' },
  });
  await audit.append(ctx, {
    ...brand,
    action: 'brand.created',
    // @ts-expect-error a value of the wrong type
    data: { name: 'A', slug: 1 },
  });
  await audit.append(ctx, {
    ...brand,
    action: 'brand.created',
    // @ts-expect-error what a subscriber contributes is not the service's to write
    data: { name: 'A', slug: 'a', approvalPolicy: { version: 1, steps: [] } },
  });
  await audit.append(ctx, {
    brandId: 'brd_1',
    entityId: 'brd_1',
    // @ts-expect-error the entity of another action
    entityType: 'Proposal',
    action: 'brand.created',
    data: { name: 'A', slug: 'a' },
  });
  // @ts-expect-error the facts the subscribers of member.removed need, left out
  await audit.append(ctx, { ...membership, action: 'member.removed', data: removed });
  await audit.append(
    ctx,
    { ...membership, action: 'member.removed', data: removed },
    // @ts-expect-error facts of another kind
    { brandId: 'brd_1', user: { id: 'usr_1', email: 'a@example.test', name: 'A' } },
  );
}
