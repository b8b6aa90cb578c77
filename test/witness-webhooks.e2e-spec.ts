import { AuditKeyRing, CheckpointsService, readCheckpointNote } from '@standpoint/audit';
import { OutboxMessageEntity, verifySignature } from '@standpoint/notifications';
import {
  deliverOutbox,
  operatorCommand,
  startWebhookReceiver,
  TestBrand,
  TestMember,
  useTestApp,
  WebhookReceiver,
} from '@standpoint/testing';
import { WorkerJobs } from '@standpoint/worker';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';

const REGISTER = `mutation ($input: RegisterWebhookEndpointInput!) {
  registerWebhookEndpoint(input: $input) { secret endpoint { id eventTypes } }
}`;

/** An outside witness: it keeps every checkpoint the AUDIT_CHECKPOINT webhook brings it. */
describe('checkpoints delivered to outside witnesses by webhook', () => {
  jest.setTimeout(180_000);
  // The worker loop runs its rounds only when the tests ask; a round then seals any grown chain.
  const app = useTestApp(AppModule, {
    WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
    WORKER_INTERVAL_MS: '3600000',
    CHECKPOINT_INTERVAL_MS: '3600000',
    CHECKPOINT_EVERY_EVENTS: '1',
  });
  const secret = 'w'.repeat(40);
  let receiver: WebhookReceiver;
  let brand: TestBrand;
  let otherBrand: TestBrand;
  let admin: TestMember;
  let otherAdmin: TestMember;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    [brand, otherBrand] = await Promise.all([app.fixtures.brand(), app.fixtures.brand()]);
    [admin, otherAdmin] = await Promise.all([
      app.fixtures.member(brand.id, ['ADMIN']),
      app.fixtures.member(otherBrand.id, ['ADMIN']),
    ]);
  });
  afterAll(() => receiver?.close());

  const register = async (
    brandId: string,
    path: string,
    eventTypes: string[],
    token: string,
    endpointSecret?: string,
  ) => {
    const { registerWebhookEndpoint } = await app.data(
      REGISTER,
      { input: { brandId, url: `${receiver.url}${path}`, eventTypes, secret: endpointSecret } },
      token,
    );
    expect(registerWebhookEndpoint.endpoint.eventTypes).toEqual(eventTypes);
  };
  const seal = (brandId: string, upTo?: number) =>
    app.t.asSystem((ctx) => app.t.app.get(CheckpointsService).seal(ctx, brandId, upTo));
  const stored = (brandId: string) =>
    app.t.asSystem((ctx) => app.t.app.get(CheckpointsService).stored(ctx, brandId));
  const growChain = () => app.fixtures.member(brand.id, ['CONTRIBUTOR']);
  const deliveries = () =>
    app.t.dataSource.manager.find(OutboxMessageEntity, {
      where: { brandId: brand.id, channel: 'WEBHOOK', topic: 'AUDIT_CHECKPOINT' },
    });
  const deliverAll = async () => {
    while ((await deliverOutbox(app.t)) > 0);
  };
  const receivedAt = (path: string) =>
    receiver.received.filter((r) => r.path === path).map((r) => JSON.parse(r.body));
  const verify = (witnessFile?: string) =>
    operatorCommand(app.t, [
      'audit',
      'verify',
      '--brand',
      brand.slug,
      ...(witnessFile ? ['--witness-file', witnessFile] : []),
    ]);

  it('sends each new checkpoint, signed, to the endpoints of its brand that subscribe to it', async () => {
    await register(brand.id, '/witness', ['AUDIT_CHECKPOINT'], admin.token, secret);
    await register(brand.id, '/publisher', ['PROPOSAL_PUBLISHED'], admin.token);
    await register(otherBrand.id, '/other-witness', ['AUDIT_CHECKPOINT'], otherAdmin.token);

    await seal(brand.id);
    await growChain();
    await growChain();
    await seal(brand.id);
    await seal(brand.id); // the head is sealed already: nothing new to witness
    await seal(otherBrand.id);
    await deliverAll();

    const checkpoints = await stored(brand.id);
    expect(checkpoints).toHaveLength(2);
    const witnessed = receiver.received.filter((r) => r.path === '/witness');
    const bodies = witnessed.map((r) => JSON.parse(r.body)).sort((a, b) => a.sequence - b.sequence);
    expect(bodies).toEqual(
      checkpoints.map(({ brandId, size, rootHash, keyId, signedAt, note }) => ({
        id: expect.stringMatching(/^whd_/),
        type: 'AUDIT_CHECKPOINT',
        brandId,
        occurredAt: signedAt,
        sequence: size,
        proposalId: null,
        data: { brandId, size, rootHash, keyId, signedAt, note },
      })),
    );
    for (const delivery of witnessed) {
      expect(delivery.headers['standpoint-event']).toBe('AUDIT_CHECKPOINT');
      const signature = String(delivery.headers['standpoint-signature']);
      expect(verifySignature(secret, delivery.body, signature, new Date())).toEqual({
        valid: true,
      });
      expect(delivery.body).not.toContain(secret);
    }

    // The note verifies with the key the server publishes, and states what the body says.
    const served = (await (await fetch(`${app.t.url}/audit/public-key`)).json()) as {
      publicKey: string;
    };
    const ring = AuditKeyRing.ofPems([served.publicKey]);
    for (const body of bodies) {
      expect(readCheckpointNote(body.data.note, ring)).toMatchObject({
        origin: `${app.t.config.auditLogName}/${brand.id}`,
        size: body.data.size,
        rootHash: body.data.rootHash,
        keyId: body.data.keyId,
      });
    }

    expect(receivedAt('/publisher')).toEqual([]);
    const toOtherBrand = receivedAt('/other-witness');
    expect(toOtherBrand.map((body) => [body.type, body.brandId])).toEqual([
      ['AUDIT_CHECKPOINT', otherBrand.id],
    ]);
  });

  it("sends nothing of a checkpoint whose transaction rolls back; the worker's next round sends it", async () => {
    await growChain();
    const before = { deliveries: (await deliveries()).length, checkpoints: await stored(brand.id) };
    const refused = app.t.asSystem(async (ctx) => {
      expect(await app.t.app.get(CheckpointsService).seal(ctx, brand.id)).not.toBeNull();
      throw new Error('the transaction fails after the checkpoint was stored');
    });
    await expect(refused).rejects.toThrow('the transaction fails');
    expect(await stored(brand.id)).toEqual(before.checkpoints);
    expect(await deliveries()).toHaveLength(before.deliveries);

    // The worker's round, as a worker process seals: the checkpoint is sent this time.
    const round = app.t.app
      .get(WorkerJobs)
      .all()
      .find((job) => job.name === 'audit checkpoints')!;
    expect(await round.run()).toBe(1);
    expect(await deliveries()).toHaveLength(before.deliveries + 1);
    await deliverAll();
  });

  describe('the notes a witness kept, as a --witness-file', () => {
    let witnessFile: string;
    let sizes: number[];

    it('hold the server to them: an untouched chain verifies against them', async () => {
      const notes = receivedAt('/witness')
        .sort((a, b) => a.sequence - b.sequence)
        .map((body) => body.data.note as string);
      sizes = receivedAt('/witness').map((body) => body.sequence as number);
      expect(notes).toHaveLength(3);
      witnessFile = join(app.t.config.dataDir, 'witness.notes');
      writeFileSync(witnessFile, notes.join(''));

      const verified = await verify(witnessFile);
      expect(verified.code).toBe(0);
      expect(verified.result).toMatchObject({ valid: true, witnessedCheckpoints: 3 });
    });

    it('catch a roll-back below a witnessed checkpoint, which the server alone cannot see', async () => {
      const kept = Math.min(...sizes);
      await rollBackTo(kept);

      const alone = await verify();
      expect(alone.code).toBe(0);
      expect(alone.result).toMatchObject({ valid: true, headSeq: kept, sealedSeq: kept });

      const held = await verify(witnessFile);
      expect(held.code).toBe(1);
      expect(held.result).toMatchObject({ valid: false });
      expect(held.output).toContain(
        `a witness holds a checkpoint of ${Math.max(...sizes)} events, but the chain ends at ${kept}: it was rolled back`,
      );
    });

    it('catch a history grown anew and sealed at a witnessed size (a fork)', async () => {
      const forkedAt = [...sizes].sort((a, b) => a - b)[1];
      while ((await app.auditChain(brand.id)).length < forkedAt) await growChain();
      expect(await seal(brand.id, forkedAt)).not.toBeNull();

      expect((await verify()).code).toBe(0);
      const held = await verify(witnessFile);
      expect(held.code).toBe(1);
      expect(held.output).toContain(
        `a witness holds a different checkpoint of ${forkedAt} events: the history was rewritten (a fork)`,
      );
    });

    /**
     * What an operator with the database could do: drop the events after `size`, and the
     * checkpoints that sealed them, behind the append-only guards' backs (on SQLite the guards are
     * dropped for good: this file's database is its own).
     */
    async function rollBackTo(size: number): Promise<void> {
      const postgres = app.t.dataSource.options.type === 'postgres';
      const runner = app.t.dataSource.createQueryRunner();
      try {
        if (postgres) await runner.query('SET session_replication_role = replica');
        else {
          await runner.query('DROP TRIGGER "audit_event_no_delete"');
          await runner.query('DROP TRIGGER "audit_checkpoint_no_delete"');
        }
        const [p1, p2] = postgres ? ['$1', '$2'] : ['?', '?'];
        await runner.query(`DELETE FROM "audit_event" WHERE "brandId" = ${p1} AND "seq" > ${p2}`, [
          brand.id,
          size,
        ]);
        await runner.query(
          `DELETE FROM "audit_checkpoint" WHERE "brandId" = ${p1} AND "size" > ${p2}`,
          [brand.id, size],
        );
        if (postgres) await runner.query('SET session_replication_role = origin');
      } finally {
        await runner.release();
      }
    }
  });
});
