import {
  AuditCheckpointEntity,
  AuditExportService,
  AuditKeyRing,
  AuditProofsService,
  CheckpointJob,
  CheckpointListeners,
  CheckpointsService,
  checkpointTrust,
  contentOf,
  sealEvent,
} from '@standpoint/audit';
import { jsonCheckpointText, verifyProofFile } from '@standpoint/audit/rules';
import { TransactionRunner } from '@standpoint/database';
import { WorkerJobs } from '@standpoint/worker';
import {
  errorCodes,
  FakeClock,
  operatorCommand,
  TestBrand,
  TestMember,
  useTestApp,
} from '@standpoint/testing';
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';

const CHECKPOINT_FIELDS = 'brandId size headHash signedAt keyId signature rootHash note';
const CHECKPOINTS = `query ($brandId: ID!, $first: Int, $after: String) {
  auditCheckpoints(brandId: $brandId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${CHECKPOINT_FIELDS} } }
  }
  latestAuditCheckpoint(brandId: $brandId) { ${CHECKPOINT_FIELDS} }
}`;
const LATEST = `query ($brandId: ID!) { latestAuditCheckpoint(brandId: $brandId) { size } }`;
const LIST = `query ($brandId: ID!) { auditCheckpoints(brandId: $brandId) { totalCount } }`;
const VERIFY = `query ($brandId: ID!) { verifyAuditChain(brandId: $brandId) {
  valid checkedEvents headSeq firstInvalidSeq checkedCheckpoints sealedSeq unsealedEvents reason
  failedCheckpoint { size signedAt }
} }`;

/** Checkpoints signed by the worker and by exports, served, and held against a rewritten chain. */
describe('signed audit checkpoints', () => {
  jest.setTimeout(180_000);
  const clock = new FakeClock(new Date('2026-12-01T09:00:00.000Z'));
  // The worker loop of the all-in-one app ticks once at boot; the tests run their own rounds.
  const app = useTestApp(
    AppModule,
    {
      WORKER_INTERVAL_MS: '3600000',
      CHECKPOINT_INTERVAL_MS: '3600000',
      CHECKPOINT_EVERY_EVENTS: '5',
    },
    { clock },
  );
  let brand: TestBrand;
  let auditor: TestMember;
  let admin: TestMember;
  let approver: TestMember;

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    auditor = await app.fixtures.member(brand.id, ['AUDITOR']);
    admin = await app.fixtures.member(brand.id, ['ADMIN']);
    approver = await app.fixtures.member(brand.id, ['APPROVER']);
  });

  /** A worker process's job, as each worker process has its own. */
  const newWorker = () => new CheckpointJob(app.t.app.get(CheckpointsService));
  const stored = (brandId = brand.id) =>
    app.t.asSystem((ctx) => app.t.app.get(CheckpointsService).stored(ctx, brandId));
  const chainSize = async (brandId = brand.id) => (await app.auditChain(brandId)).length;
  const growChain = () => app.fixtures.member(brand.id, ['CONTRIBUTOR']);

  /** The operator's command line on the test app's database, with the same signing key. */
  const cli = (args: string[]) => operatorCommand(app.t, args);

  it('runs on the worker loop of the all-in-one process', () => {
    expect(
      app.t.app
        .get(WorkerJobs)
        .all()
        .map((job) => job.name),
    ).toContain('audit checkpoints');
  });

  it('signs each grown chain once its first unsealed event is an interval old, a head once even with two workers', async () => {
    const [first, second] = [newWorker(), newWorker()];
    const before = (await stored()).length;
    expect(await first.run()).toBe(0); // the brand's events are not an hour old yet
    clock.advanceHours(1);
    const handled = await Promise.all([first.run(), second.run()]);
    const head = await chainSize();
    let checkpoints = await stored();
    expect(checkpoints.length).toBe(before + 1);
    expect(handled.sort()).toEqual([0, 1]);
    expect(checkpoints.at(-1)).toMatchObject({
      brandId: brand.id,
      size: head,
      headHash: (await app.auditChain(brand.id)).at(-1)!.hash,
      signedAt: clock.now().toISOString(),
      rootHash: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
      note: expect.stringContaining(`/audit/${brand.id}\n${head}\n`),
    });

    await growChain();
    clock.advanceHours(0.5);
    expect(await first.run()).toBe(0);
    expect((await stored()).length).toBe(before + 1);

    clock.advanceHours(0.5);
    expect((await Promise.all([first.run(), second.run()])).sort()).toEqual([0, 1]);
    checkpoints = await stored();
    expect(checkpoints.map((c) => c.size)).toEqual([...checkpoints.map((c) => c.size)].sort());
    expect(checkpoints.at(-1)!.size).toBe(head + 1);
    expect(new Set(checkpoints.map((c) => c.size)).size).toBe(checkpoints.length);

    clock.advanceHours(1);
    expect(await first.run()).toBe(0); // nothing grew
  });

  it('signs a chain at once when CHECKPOINT_EVERY_EVENTS events are unsealed, however young', async () => {
    const sealedBefore = (await stored()).at(-1)!.size;
    for (let i = 0; i < 4; i++) await growChain();
    expect(await newWorker().run()).toBe(0);
    await growChain();
    expect(await newWorker().run()).toBe(1);
    expect((await stored()).at(-1)!.size).toBe(sealedBefore + 5);
  });

  it('lists the checkpoints newest first, for auditors and admins of the brand only', async () => {
    const sizes = (await stored()).map((c) => c.size).reverse();
    for (const member of [auditor, admin]) {
      const read = await app.gql(CHECKPOINTS, { brandId: brand.id, first: 1 }, member.token);
      expect(read.errors).toBeUndefined();
      expect(read.data!.auditCheckpoints.totalCount).toBe(sizes.length);
      expect(read.data!.auditCheckpoints.edges[0].node.size).toBe(sizes[0]);
      expect(read.data!.latestAuditCheckpoint).toEqual(read.data!.auditCheckpoints.edges[0].node);
      const next = await app.gql(
        CHECKPOINTS,
        { brandId: brand.id, first: 10, after: read.data!.auditCheckpoints.pageInfo.endCursor },
        member.token,
      );
      expect(
        next.data!.auditCheckpoints.edges.map((e: { node: { size: number } }) => e.node.size),
      ).toEqual(sizes.slice(1));
    }
    const other = await app.fixtures.brand();
    const outsider = await app.fixtures.member(other.id, ['AUDITOR']);
    for (const query of [LIST, LATEST]) {
      const codes = async (member: TestMember) =>
        errorCodes(await app.gql(query, { brandId: brand.id }, member.token));
      expect(await codes(approver)).toEqual(['FORBIDDEN']);
      expect(await codes(outsider)).toEqual(['NOT_FOUND']);
    }
  });

  it('serves the key ring, without signing in, and it verifies the stored checkpoints', async () => {
    const response = await fetch(`${app.t.url}/audit/public-key`);
    expect(response.status).toBe(200);
    const served = (await response.json()) as {
      keyId: string;
      publicKey: string;
      keys: { keyId: string; publicKey: string; status: string }[];
    };
    expect(served.publicKey).toContain('-----BEGIN PUBLIC KEY-----');
    expect(served.keys).toEqual([
      { keyId: served.keyId, publicKey: served.publicKey, status: 'current' },
    ]);
    const ring = AuditKeyRing.ofPems([served.publicKey]);
    const checkpoints = await stored();
    expect(checkpoints.length).toBeGreaterThan(0);
    for (const checkpoint of checkpoints) {
      expect(checkpoint.keyId).toBe(served.keyId);
      expect(checkpointTrust(checkpoint, ring)).toMatchObject({ rank: 0 });
    }
  });

  it('verifies an untouched chain against every stored checkpoint, through GraphQL and the CLI', async () => {
    const count = (await stored()).length;
    const verified = await app.gql(VERIFY, { brandId: brand.id }, auditor.token);
    const head = await chainSize();
    const sealed = (await stored()).at(-1)!.size;
    expect(verified.data!.verifyAuditChain).toMatchObject({
      valid: true,
      checkedEvents: head,
      firstInvalidSeq: null,
      checkedCheckpoints: count,
      sealedSeq: sealed,
      unsealedEvents: head - sealed,
      failedCheckpoint: null,
      reason: null,
    });
    const cliVerified = await cli(['audit', 'verify', '--brand', brand.slug]);
    expect(cliVerified.code).toBe(0);
    expect(cliVerified.result).toMatchObject({ valid: true, checkedCheckpoints: count });
  });

  it('keeps verifying checkpoints of a retired key after a rotation, and refuses the retired key signing again', async () => {
    const rotatedBrand = await app.fixtures.brand();
    const current = app.t.app.get(CheckpointsService);
    const oldKey = current.currentKey;
    const rotated = new CheckpointsService(
      {
        ...app.t.config,
        auditSigningKeyPem: generateKeyPairSync('ed25519')
          .privateKey.export({ type: 'pkcs8', format: 'pem' })
          .toString(),
        auditRetiredPublicKeyPems: [oldKey.publicKeyPem],
        auditLogName: 'elsewhere.example/audit',
      },
      app.t.dataSource,
      app.t.app.get(TransactionRunner),
      clock,
      app.t.app.get(CheckpointListeners),
    );
    const seal = (service: CheckpointsService) =>
      app.t.asSystem((ctx) => service.seal(ctx, rotatedBrand.id));
    const verify = (service: CheckpointsService) =>
      app.t.asSystem((ctx) => new AuditExportService(service).verify(ctx, rotatedBrand.id));

    const first = (await seal(current))!;
    expect(first.keyId).toBe(oldKey.keyId);
    await app.fixtures.member(rotatedBrand.id, ['CONTRIBUTOR']);
    const second = (await seal(rotated))!;
    expect(second.keyId).toBe(rotated.currentKey.keyId);
    // The log keeps the name its first checkpoint gave it, whatever AUDIT_LOG_NAME says now.
    expect(second.note!.split('\n')[0]).toBe(first.note!.split('\n')[0]);
    expect(await verify(rotated)).toMatchObject({ valid: true, checkedCheckpoints: 2 });
    // Without the retired key in its ring, a verifier cannot check the old checkpoint.
    expect(await verify(current)).toMatchObject({
      valid: false,
      reason: `signed by the key ${rotated.currentKey.keyId}, which is not trusted`,
    });
    // A process still signing with the retired key after the rotation is caught.
    await app.fixtures.member(rotatedBrand.id, ['CONTRIBUTOR']);
    await seal(current);
    expect(await verify(rotated)).toMatchObject({
      valid: false,
      reason: `signed by the retired key ${oldKey.keyId} after a newer key had signed`,
    });
  });

  it('extends a chain sealed before the Merkle tree: its first-format checkpoints hold it, and its events become provable', async () => {
    const older = await app.fixtures.brand();
    await app.fixtures.member(older.id, ['CONTRIBUTOR']);
    const [head] = (await app.auditChain(older.id)).slice(-1);
    const keyId = app.t.app.get(CheckpointsService).currentKey.keyId;
    const statement = {
      brandId: older.id,
      size: head.seq,
      headHash: head.hash,
      signedAt: clock.now().toISOString(),
      keyId,
    };
    const signature = sign(
      null,
      Buffer.from(jsonCheckpointText(statement), 'utf8'),
      createPrivateKey(app.t.config.auditSigningKeyPem),
    ).toString('base64');
    await app.t.dataSource.getRepository(AuditCheckpointEntity).insert({
      id: `ckp_first_format_${older.id}`,
      ...statement,
      signedAt: new Date(statement.signedAt),
      signature,
      rootHash: null,
      note: null,
      treeEdge: null,
    });
    await app.fixtures.member(older.id, ['CONTRIBUTOR']);
    const sealed = await app.t.asSystem((ctx) =>
      app.t.app.get(CheckpointsService).seal(ctx, older.id),
    );
    expect(sealed).toMatchObject({ size: head.seq + 1, note: expect.any(String) });
    const verified = await app.t.asSystem((ctx) =>
      app.t.app.get(AuditExportService).verify(ctx, older.id),
    );
    expect(verified).toMatchObject({ valid: true, checkedCheckpoints: 2, unsealedEvents: 0 });
    const [first] = await app.auditChain(older.id);
    const { file } = await app.t.asSystem((ctx) =>
      app.t.app.get(AuditProofsService).inclusion(ctx, first),
    );
    expect(
      verifyProofFile(file, { trustedKeys: app.t.app.get(CheckpointsService).ring }),
    ).toMatchObject({ valid: true, event: { seq: 1 } });
  });

  describe('an export', () => {
    let file: string;
    let lines: string[];
    const write = (name: string, content: string[]) => {
      const path = join(app.t.config.dataDir, name);
      writeFileSync(path, `${content.join('\n')}\n`);
      return path;
    };

    it('carries every stored checkpoint after its event and ends with one of its head, stored too', async () => {
      await growChain();
      const before = await stored();
      file = join(app.t.config.dataDir, 'export.ndjson');
      const exported = await cli(['audit', 'export', '--brand', brand.slug, '--output', file]);
      expect(exported.code).toBe(0);
      lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      const checkpoint = JSON.parse(lines.at(-1)!);
      const head = await app.auditChain(brand.id);
      expect(JSON.parse(lines[0])).toMatchObject({
        format: 'standpoint-audit-export/2',
        publicKeys: [{ keyId: checkpoint.keyId, publicKey: expect.stringContaining('PUBLIC KEY') }],
      });
      expect(checkpoint).toMatchObject({
        type: 'checkpoint',
        brandId: brand.id,
        size: head.length,
        headHash: head.at(-1)!.hash,
        note: expect.any(String),
      });
      const checkpointLines = lines.filter(
        (line) => line.startsWith('{"brandId"') && line.includes('"type":"checkpoint"'),
      );
      expect(checkpointLines).toHaveLength(before.length + 1);
      expect(lines.length).toBe(1 + head.length + before.length + 1);
      expect((await stored()).length).toBe(before.length + 1);
      expect((await stored()).at(-1)).toMatchObject({ size: head.length });
    });

    it('verifies offline, but trusts the key it carries only when told to', async () => {
      const carried = await cli(['audit', 'verify-export', file]);
      expect(carried.code).toBe(2);
      expect(carried.result).toMatchObject({
        valid: true,
        trust: { trusted: false, source: 'export' },
        checkpoint: { size: await chainSize() },
      });
      expect(carried.output).toContain(
        'this proves the file is intact, not that the server made it',
      );

      const accepted = await cli(['audit', 'verify-export', file, '--accept-untrusted-key']);
      expect(accepted.code).toBe(0);

      const keyId = JSON.parse(lines.at(-1)!).keyId as string;
      const pinned = await cli(['audit', 'verify-export', file, '--key-fingerprint', keyId]);
      expect(pinned.code).toBe(0);
      expect(pinned.result).toMatchObject({
        trust: { trusted: true, source: 'pinned-fingerprint' },
      });

      const served = await (await fetch(`${app.t.url}/audit/public-key`)).text();
      const keyFile = join(app.t.config.dataDir, 'public-key.json');
      writeFileSync(keyFile, served);
      for (const key of [keyFile, `${app.t.url}/audit/public-key`]) {
        const trusted = await cli(['audit', 'verify-export', file, '--public-key', key]);
        expect(trusted.code).toBe(0);
        expect(trusted.result).toMatchObject({
          valid: true,
          trust: { trusted: true, source: 'trusted-key' },
        });
        expect(trusted.output).toContain(`the trusted key of ${key}`);
      }
    });

    it('fails on a forged checkpoint signature or a wrong --public-key, naming the line', async () => {
      const checkpoint = JSON.parse(lines.at(-1)!);
      const signature = Buffer.from(checkpoint.signature, 'base64');
      signature[0] ^= 1;
      const forgedSignature = signature.toString('base64');
      const forged = write('forged.ndjson', [
        ...lines.slice(0, -1),
        JSON.stringify({
          ...checkpoint,
          signature: forgedSignature,
          note: checkpoint.note.replace(
            / (\S+)\n$/,
            (_: string, both: string) =>
              ` ${Buffer.concat([Buffer.from(both, 'base64').subarray(0, 4), signature]).toString('base64')}\n`,
          ),
        }),
      ]);
      const refused = await cli(['audit', 'verify-export', forged, '--accept-untrusted-key']);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(
        `${forged}: line ${lines.length}: checkpoint: the signed note does not verify`,
      );

      const wrongKey = join(app.t.config.dataDir, 'wrong.pem');
      writeFileSync(
        wrongKey,
        generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }),
      );
      const mismatch = await cli(['audit', 'verify-export', file, '--public-key', wrongKey]);
      expect(mismatch.code).toBe(1);
      expect(mismatch.output).toMatch(
        /: checkpoint: signed by the key sha256:[0-9a-f]{64}, which is not trusted/,
      );

      const missing = write('missing.ndjson', lines.slice(0, -1));
      const without = await cli(['audit', 'verify-export', missing, '--accept-untrusted-key']);
      expect(without.code).toBe(1);
      expect(without.output).toContain(`${missing}: line ${lines.length}: no checkpoint`);
    });

    it('in CSV ends with a marked checkpoint row', async () => {
      const csv = await cli(['audit', 'export', '--brand', brand.slug, '--format', 'csv']);
      expect(csv.code).toBe(0);
      const rows = csv.output.trimEnd().split('\n');
      expect(rows.at(-1)).toMatch(/^checkpoint,"\{""brandId"":/);
    });
  });

  describe('proofs', () => {
    const PROOF = `query ($id: ID!) { auditEventProof(id: $id) { file checkpoint { size note } } }`;
    const CONSISTENCY = `query ($brandId: ID!, $from: String!) {
      auditConsistencyProof(brandId: $brandId, fromCheckpoint: $from) { file checkpoint { size } }
    }`;
    let proven: TestBrand;
    let provenAuditor: TestMember;
    let ring: AuditKeyRing;
    let keptNote: string;

    beforeAll(async () => {
      proven = await app.fixtures.brand();
      provenAuditor = await app.fixtures.member(proven.id, ['AUDITOR']);
      // Enough events for the stored subtrees of 16 and 32 to be used, sealed on the way.
      for (let i = 0; i < 20; i++) await app.fixtures.member(proven.id, ['CONTRIBUTOR']);
      keptNote = (await app.t.asSystem((ctx) =>
        app.t.app.get(CheckpointsService).seal(ctx, proven.id),
      ))!.note!;
      for (let i = 0; i < 20; i++) await app.fixtures.member(proven.id, ['CONTRIBUTOR']);
      const served = (await (await fetch(`${app.t.url}/audit/public-key`)).json()) as {
        keys: { publicKey: string }[];
      };
      ring = AuditKeyRing.ofPems(served.keys.map((key) => key.publicKey));
    });

    it('proves any event of the chain offline, sealing the chain when the event is not yet', async () => {
      const chain = await app.auditChain(proven.id);
      // The first two are in the kept checkpoint of 22 events; the third gets the head sealed.
      for (const [event, size] of [
        [chain[0], 22],
        [chain[16], 22],
        [chain[33], chain.length],
        [chain.at(-1)!, chain.length],
      ] as const) {
        const { auditEventProof } = await app.data(PROOF, { id: event.id }, provenAuditor.token);
        expect(auditEventProof.checkpoint.size).toBe(size);
        expect(verifyProofFile(auditEventProof.file, { trustedKeys: ring })).toMatchObject({
          valid: true,
          event: { seq: event.seq, hash: event.hash, action: event.action },
          checkpoints: [{ size }],
          trust: { trusted: true },
        });
      }
      expect((await stored(proven.id)).at(-1)!.size).toBe(chain.length);
    });

    it('proves the log extends a checkpoint kept earlier', async () => {
      const { auditConsistencyProof } = await app.data(
        CONSISTENCY,
        { brandId: proven.id, from: keptNote },
        provenAuditor.token,
      );
      expect(verifyProofFile(auditConsistencyProof.file, { trustedKeys: ring })).toMatchObject({
        valid: true,
        kind: 'consistency',
        checkpoints: [{ size: 22 }, { size: await chainSize(proven.id) }],
      });
      const refused = await app.gql(
        CONSISTENCY,
        { brandId: proven.id, from: keptNote.replace('\n22\n', '\n23\n') },
        provenAuditor.token,
      );
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    });

    it('are for auditors and admins of the brand only', async () => {
      const [event] = await app.auditChain(proven.id);
      const contributor = await app.fixtures.member(proven.id, ['CONTRIBUTOR']);
      expect(errorCodes(await app.gql(PROOF, { id: event.id }, contributor.token))).toEqual([
        'FORBIDDEN',
      ]);
      expect(errorCodes(await app.gql(PROOF, { id: event.id }, auditor.token))).toEqual([
        'NOT_FOUND',
      ]);
      expect(
        errorCodes(
          await app.gql(CONSISTENCY, { brandId: proven.id, from: keptNote }, auditor.token),
        ),
      ).toEqual(['NOT_FOUND']);
    });

    it('are written and checked on the command line, and one flipped byte fails', async () => {
      const chain = await app.auditChain(proven.id);
      const file = join(app.t.config.dataDir, 'event.proof.json');
      const proved = await cli(['audit', 'prove', '--event', chain[9].id, '--output', file]);
      expect(proved.code).toBe(0);
      const untrusted = await cli(['audit', 'verify-proof', file]);
      expect(untrusted.code).toBe(2);
      expect(untrusted.output).toContain(`Event 10 (${chain[9].action}`);
      const trusted = await cli([
        'audit',
        'verify-proof',
        file,
        '--public-key',
        `${app.t.url}/audit/public-key`,
      ]);
      expect(trusted.code).toBe(0);
      expect(trusted.result).toMatchObject({ valid: true, event: { seq: 10 } });

      const text = readFileSync(file, 'utf8');
      const flipped = join(app.t.config.dataDir, 'flipped.proof.json');
      writeFileSync(flipped, text.replace(chain[9].hash, flipHex(chain[9].hash)));
      const refused = await cli(['audit', 'verify-proof', flipped, '--accept-untrusted-key']);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain("the event's hash is not the hash of its content");

      const kept = join(app.t.config.dataDir, 'kept.checkpoint');
      writeFileSync(kept, keptNote);
      const consistency = join(app.t.config.dataDir, 'consistency.proof.json');
      const written = await cli([
        'audit',
        'prove-consistency',
        '--brand',
        proven.slug,
        '--checkpoint',
        kept,
        '--output',
        consistency,
      ]);
      expect(written.code).toBe(0);
      const extended = await cli(['audit', 'verify-proof', consistency, '--accept-untrusted-key']);
      expect(extended.code).toBe(0);
      expect(extended.output).toContain('extends its checkpoint of 22 events');
    });
  });

  describe('a chain rewritten with every later hash recomputed', () => {
    /** Edits one payload behind the guard trigger's back and re-seals every event after it. */
    async function rewriteFrom(seq: number): Promise<void> {
      const rows = await app.auditChain(brand.id);
      const postgres = app.t.dataSource.options.type === 'postgres';
      const runner = app.t.dataSource.createQueryRunner();
      try {
        if (postgres) await runner.query('SET session_replication_role = replica');
        else await runner.query('DROP TRIGGER "audit_event_no_update"');
        let prevHash = rows[seq - 2].hash;
        for (const row of rows.slice(seq - 1)) {
          const content = {
            ...contentOf(row),
            prevHash,
            data: row.seq === seq ? { forged: true } : contentOf(row).data,
          };
          const sealed = sealEvent(content);
          await runner.query(
            postgres
              ? 'UPDATE "audit_event" SET "data" = $1, "prevHash" = $2, "hash" = $3, "canonical" = $4 WHERE "id" = $5'
              : 'UPDATE "audit_event" SET "data" = ?, "prevHash" = ?, "hash" = ?, "canonical" = ? WHERE "id" = ?',
            [JSON.stringify(content.data), prevHash, sealed.hash, sealed.canonical, row.id],
          );
          prevHash = sealed.hash;
        }
        if (postgres) await runner.query('SET session_replication_role = origin');
      } finally {
        await runner.release();
      }
    }

    it('is still caught by the first checkpoint it contradicts, through GraphQL and the CLI', async () => {
      const checkpoints = await stored();
      const firstSigned = checkpoints.find((c) => c.size >= 2)!;
      await rewriteFrom(2);

      const verified = await app.gql(VERIFY, { brandId: brand.id }, auditor.token);
      expect(verified.data!.verifyAuditChain).toMatchObject({
        valid: false,
        firstInvalidSeq: firstSigned.size,
        checkedCheckpoints: checkpoints.indexOf(firstSigned),
        failedCheckpoint: { size: firstSigned.size, signedAt: firstSigned.signedAt },
        reason: `the chain at sequence number ${firstSigned.size} is not the signed one`,
      });

      const cliVerified = await cli(['audit', 'verify', '--brand', brand.slug]);
      expect(cliVerified.code).toBe(1);
      expect(cliVerified.result).toMatchObject({
        valid: false,
        firstInvalidSeq: firstSigned.size,
      });
      expect(cliVerified.output).toContain(
        `The chain breaks at sequence number ${firstSigned.size}, against the checkpoint of ${firstSigned.size} events`,
      );
    });

    it('is neither signed by the worker nor exported with a checkpoint', async () => {
      await growChain();
      clock.advanceHours(2);
      const before = (await stored()).length;
      await newWorker().run();
      expect((await stored()).length).toBe(before);

      const exported = await cli(['audit', 'export', '--brand', brand.slug]);
      expect(exported.code).toBe(1);
      expect(exported.output).toContain('no checkpoint signed');
    });
    it('with its checkpoints removed too, is signed by nobody unless the operator vouches for it', async () => {
      const runner = app.t.dataSource.createQueryRunner();
      try {
        if (app.t.dataSource.options.type === 'postgres') {
          await runner.query('SET session_replication_role = replica');
          await runner.query('DELETE FROM "audit_checkpoint" WHERE "brandId" = $1', [brand.id]);
          await runner.query('SET session_replication_role = origin');
        } else {
          await runner.query('DROP TRIGGER "audit_checkpoint_no_delete"');
          await runner.query('DELETE FROM "audit_checkpoint" WHERE "brandId" = ?', [brand.id]);
        }
      } finally {
        await runner.release();
      }
      clock.advanceHours(72);
      const verified = await app.gql(VERIFY, { brandId: brand.id }, auditor.token);
      expect(verified.data!.verifyAuditChain).toMatchObject({
        valid: false,
        checkedCheckpoints: 0,
        reason: `no signed checkpoint seals any of the ${await chainSize()} events`,
      });
      expect(await newWorker().run()).toBe(0);
      expect(await stored()).toEqual([]);
      const exported = await cli(['audit', 'export', '--brand', brand.slug]);
      expect(exported.code).toBe(1);
      const sealed = await cli(['audit', 'seal', '--brand', brand.slug]);
      expect(sealed.code).toBe(1);
      expect(sealed.output).toContain('has no checkpoint: its checkpoints were removed');
      const vouched = await cli([
        'audit',
        'seal',
        '--brand',
        brand.slug,
        '--accept-unsealed-history',
      ]);
      expect(vouched.code).toBe(0);
      expect((await stored()).map((c) => c.size)).toEqual([await chainSize()]);
    });
  });
});

/** The hex hash with its first digit changed. */
function flipHex(hash: string): string {
  return `${hash[0] === '0' ? '1' : '0'}${hash.slice(1)}`;
}
