import { useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

/**
 * A database that queued emails before they were rendered (the outbox of the approval workflow's
 * first release) upgrades without failing and without losing them.
 */
describe('the notifications migration on a database with queued messages', () => {
  const app = useTestApp(AppModule);

  it('parks the messages it cannot send as dead, addressed, for the brand admins to see', async () => {
    const brand = await app.fixtures.brand();
    const admin = await app.fixtures.member(brand.id, ['ADMIN']);
    const approver = await app.fixtures.member(brand.id, ['APPROVER']);
    const { dataSource } = app.t;
    const postgres = dataSource.options.type === 'postgres';

    // Back to the schema before the migration, as that release left it.
    for (;;) {
      const [last] = (await dataSource.query(
        'SELECT "name" FROM "migrations" ORDER BY "id" DESC LIMIT 1',
      )) as { name: string }[];
      await dataSource.undoLastMigration({ transaction: 'each' });
      if (last.name.startsWith('Notifications')) break;
    }
    const parameters = postgres ? ['$1', '$2', '$3', '$4'] : ['?', '?', '?', '?'];
    await dataSource.query(
      `INSERT INTO "outbox_message" ("id", "brandId", "topic", "channel", "recipientUserId", "payload", "status", "availableAt", "createdAt")
       VALUES (${parameters[0]}, ${parameters[1]}, 'approval.requested', 'EMAIL', ${parameters[2]}, ${parameters[3]}, 'PENDING', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
      ['msg_queued_before', brand.id, approver.id, JSON.stringify({ step: 'Approval' })],
    );

    expect((await dataSource.runMigrations({ transaction: 'each' })).length).toBeGreaterThan(0);
    // Going back dropped the sessions, as it dropped every later table: the admin signs in again.
    const adminToken = await app.fixtures.login(admin.email, admin.password);

    const dead = await app.data(
      `query ($brandId: ID!) { outboxMessages(brandId: $brandId, status: DEAD) {
        edges { node { topic recipient attempts lastError } }
      } }`,
      { brandId: brand.id },
      adminToken,
    );
    expect(dead.outboxMessages.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        topic: 'approval.requested',
        recipient: approver.email,
        attempts: 0,
        lastError: 'queued before emails were rendered: not sent',
      },
    ]);
  });
});
