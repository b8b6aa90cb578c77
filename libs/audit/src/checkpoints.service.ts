import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, newId, RequestContext, TransactionRunner } from '@standpoint/database';
import { Between, DataSource, IsNull, LessThanOrEqual, Not } from 'typeorm';
import {
  AuditKey,
  AuditKeyRing,
  ChainVerifier,
  CheckpointCheck,
  checkpointSigner,
  CheckpointSigner,
  CompactTree,
  leafHash,
  originOf,
  PerfectNode,
  signCheckpoint,
  SignedCheckpoint,
} from './rules';
import { AuditCheckpointEntity } from './audit-checkpoint.entity';
import { CheckpointListeners } from './checkpoint-listeners';
import { AuditEventEntity } from './audit-event.entity';
import { chainBatches, chainHeadSeq } from './chain-events';
import { storedLink } from './stored-link';
import { storeTreeNodes } from './tree-store';

/**
 * A chain older than this with no checkpoint at all is not signed without an operator's word:
 * every chain is sealed within CHECKPOINT_INTERVAL_MS (at most a day) of its first event.
 */
export const UNSEALED_HISTORY_MS = 2 * 24 * 60 * 60 * 1000;

export interface SealOptions {
  /** Sign a chain whose checkpoints seem to have been removed (an operator's explicit choice). */
  acceptUnsealedHistory?: boolean;
}

/** A brand whose chain has events that no checkpoint seals yet. */
interface UnsealedChain {
  brandId: string;
  head: number;
  sealed: number;
}

/**
 * Signs, stores and reads the checkpoints of the brands' audit chains: C2SP checkpoints of each
 * chain's Merkle tree, signed with AUDIT_SIGNING_KEY; AUDIT_RETIRED_PUBLIC_KEYS still verify the
 * ones signed before a rotation but sign nothing.
 */
@Injectable()
export class CheckpointsService {
  private readonly logger = new Logger('AuditCheckpoints');
  private readonly signer: CheckpointSigner;
  /** The retired keys, oldest first, then the current one. */
  readonly ring: AuditKeyRing;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly listeners: CheckpointListeners,
  ) {
    this.signer = checkpointSigner(config.auditSigningKeyPem, config.auditLogName);
    this.ring = AuditKeyRing.ofPems([
      ...config.auditRetiredPublicKeyPems,
      this.signer.key.publicKeyPem,
    ]);
  }

  /** The key that signs checkpoints now. */
  get currentKey(): AuditKey {
    return this.signer.key;
  }

  /** Every stored checkpoint of the brand, oldest first. */
  async stored(ctx: RequestContext, brandId: string): Promise<SignedCheckpoint[]> {
    const rows = await ctx.em.find(AuditCheckpointEntity, {
      where: { brandId },
      order: { size: 'ASC' },
    });
    return rows.map(signedCheckpointOf);
  }

  /**
   * A checkpoint of exactly the first `upTo` events (the whole chain by default): the one stored,
   * or one signed now. The tree is extended from the last checkpoint before, once the events since
   * are checked to continue its chain and to match any checkpoint among them: a rewritten chain is
   * never signed. Null for a brand without events, or when the chain does not verify (logged).
   */
  async seal(
    ctx: RequestContext,
    brandId: string,
    upTo?: number,
    options: SealOptions = {},
  ): Promise<SignedCheckpoint | null> {
    return (await this.sealed(ctx, brandId, upTo, options))?.checkpoint ?? null;
  }

  /** The same, saying whether this call stored the checkpoint. */
  private async sealed(
    ctx: RequestContext,
    brandId: string,
    upTo?: number,
    options: SealOptions = {},
  ): Promise<{ checkpoint: SignedCheckpoint; stored: boolean } | null> {
    const size = upTo ?? (await chainHeadSeq(ctx.em, brandId));
    if (size === 0) return null;
    const exact = await ctx.em.findOneBy(AuditCheckpointEntity, { brandId, size });
    if (exact) return { checkpoint: signedCheckpointOf(exact), stored: false };
    if (!options.acceptUnsealedHistory && (await this.historyLostItsCheckpoints(ctx, brandId)))
      return null;
    const base = await this.treeBase(ctx, brandId, size);
    const extended = await this.extend(ctx, brandId, base, size);
    if (!extended) return null;
    const id = newId('ckp');
    const checkpoint = signCheckpoint(this.signer, {
      origin: await this.originOfLog(ctx, brandId),
      brandId,
      size,
      headHash: extended.headHash,
      rootHash: extended.tree.root(),
      signedAt: this.clock.now().toISOString(),
    });
    // Short write transactions around reads outside any: SQLite's writers wait for none of the
    // reading. Another worker may have stored its own checkpoint of this head first: that one stands.
    return this.transactions.run(ctx, async () => {
      await ctx.em
        .createQueryBuilder()
        .insert()
        .into(AuditCheckpointEntity)
        .values({
          id,
          ...checkpoint,
          signedAt: new Date(checkpoint.signedAt),
          treeEdge: JSON.stringify(extended.tree.rightEdge.map((hash) => hash.toString('base64'))),
        })
        .orIgnore()
        .updateEntity(false)
        .execute();
      const kept = await ctx.em.findOneByOrFail(AuditCheckpointEntity, { brandId, size });
      const stored = kept.id === id;
      if (stored) await this.listeners.sealed(ctx, checkpoint);
      return { checkpoint: signedCheckpointOf(kept), stored };
    });
  }

  /** The origin the brand's earlier checkpoints named, if any: a log keeps its name. */
  private async originOfLog(ctx: RequestContext, brandId: string): Promise<string | undefined> {
    const named = await ctx.em.findOne(AuditCheckpointEntity, {
      select: { note: true },
      where: { brandId, note: Not(IsNull()) },
      order: { size: 'DESC' },
    });
    return named?.note ? originOf(named.note) : undefined;
  }

  /**
   * The worker's round: a checkpoint of every chain whose unsealed events reach
   * CHECKPOINT_EVERY_EVENTS or began CHECKPOINT_INTERVAL_MS ago. Answers how many it signed.
   */
  async sealDueChains(): Promise<number> {
    const ctx = RequestContext.system(this.dataSource);
    let sealed = 0;
    for (const chain of await this.unsealedChains(ctx)) {
      if (!(await this.due(ctx, chain))) continue;
      if ((await this.sealed(ctx, chain.brandId, chain.head))?.stored) sealed++;
    }
    return sealed;
  }

  /**
   * Each brand's head and last checkpoint, found through the (brandId, seq) and (brandId, size)
   * indexes one brand at a time rather than by grouping every event.
   */
  private async unsealedChains(ctx: RequestContext): Promise<UnsealedChain[]> {
    const rows: {
      brandId: string;
      head: number | string | null;
      sealed: number | string | null;
    }[] = await ctx.em.query(
      'SELECT b.id AS "brandId",' +
        ' (SELECT MAX(e.seq) FROM audit_event e WHERE e."brandId" = b.id) AS head,' +
        ' (SELECT MAX(c.size) FROM audit_checkpoint c WHERE c."brandId" = b.id) AS sealed' +
        ' FROM brand b',
    );
    return rows
      .map((row) => ({
        brandId: row.brandId,
        head: Number(row.head ?? 0),
        sealed: Number(row.sealed ?? 0),
      }))
      .filter((chain) => chain.head > chain.sealed);
  }

  private async due(ctx: RequestContext, chain: UnsealedChain): Promise<boolean> {
    if (chain.head - chain.sealed >= this.config.checkpointEveryEvents) return true;
    const firstUnsealed = await ctx.em.findOne(AuditEventEntity, {
      select: { at: true },
      where: { brandId: chain.brandId, seq: chain.sealed + 1 },
    });
    const age = this.clock.now().getTime() - (firstUnsealed?.at.getTime() ?? 0);
    return age >= this.config.checkpointIntervalMs;
  }

  /**
   * Whether a chain older than UNSEALED_HISTORY_MS has no checkpoint at all: every chain gets one
   * within CHECKPOINT_INTERVAL_MS, so its checkpoints were removed, and signing it now would vouch
   * for whatever the database holds. Logged; an operator may still seal it knowingly
   * (`standpoint audit seal --accept-unsealed-history`).
   */
  private async historyLostItsCheckpoints(ctx: RequestContext, brandId: string): Promise<boolean> {
    if (await ctx.em.existsBy(AuditCheckpointEntity, { brandId })) return false;
    const first = await ctx.em.findOne(AuditEventEntity, {
      select: { at: true },
      where: { brandId, seq: 1 },
    });
    if (!first || this.clock.now().getTime() - first.at.getTime() < UNSEALED_HISTORY_MS)
      return false;
    this.logger.error(
      { brandId },
      `The audit chain of brand ${brandId} began on ${first.at.toISOString()} and has no checkpoint: its checkpoints were removed, and it is not signed (standpoint audit seal --accept-unsealed-history signs it knowingly)`,
    );
    return true;
  }

  /** The last checkpoint before `size` whose tree can be extended, if its edge gives its root. */
  private async treeBase(
    ctx: RequestContext,
    brandId: string,
    size: number,
  ): Promise<{ checkpoint: AuditCheckpointEntity; tree: CompactTree } | null> {
    const checkpoint = await ctx.em.findOne(AuditCheckpointEntity, {
      where: { brandId, size: LessThanOrEqual(size), treeEdge: Not(IsNull()) },
      order: { size: 'DESC' },
    });
    if (!checkpoint) return null;
    try {
      const edge = (JSON.parse(checkpoint.treeEdge!) as string[]).map((hash) =>
        Buffer.from(hash, 'base64'),
      );
      const tree = CompactTree.resume(checkpoint.size, edge);
      if (tree.root().toString('base64') === checkpoint.rootHash) return { checkpoint, tree };
    } catch {
      // reported below
    }
    this.logger.warn(
      { brandId, size: checkpoint.size },
      `The stored tree edge of brand ${brandId} at ${checkpoint.size} events does not give its signed root; the tree is rebuilt from the first event`,
    );
    return null;
  }

  /**
   * The tree and chain head at `size`, extended from `base` (or from the first event) with the
   * events read since, which must continue the chain and match every stored checkpoint among them;
   * the perfect subtrees completed on the way are stored for proofs.
   */
  private async extend(
    ctx: RequestContext,
    brandId: string,
    base: { checkpoint: AuditCheckpointEntity; tree: CompactTree } | null,
    size: number,
  ): Promise<{ tree: CompactTree; headHash: string } | null> {
    const from = base?.checkpoint.size ?? 0;
    const tree = base?.tree ?? CompactTree.empty();
    const verifier = new ChainVerifier(
      base ? { seq: base.checkpoint.size, hash: base.checkpoint.headHash } : undefined,
    );
    // Only those after the base: a brand gets a checkpoint a minute, and the worker seals often.
    const between = (
      await ctx.em.find(AuditCheckpointEntity, {
        where: { brandId, size: Between(from + 1, size) },
        order: { size: 'ASC' },
      })
    ).map(signedCheckpointOf);
    const checks = new CheckpointCheck(between, this.ring);
    read: for await (const batch of chainBatches(ctx, brandId, from)) {
      const completed: PerfectNode[] = [];
      for (const row of batch) {
        if (row.seq > size) break;
        const link = storedLink(row);
        if (!verifier.add(link)) break read;
        tree.append(leafHash(link.canonical), (node) => completed.push(node));
        const contradicted = checks.observe(row.seq, row.hash, () => tree.root());
        if (contradicted) {
          this.logger.error(
            { brandId, size: contradicted.checkpoint.size },
            `The audit chain of brand ${brandId} contradicts its checkpoint of ${contradicted.checkpoint.size} events (${contradicted.reason}); no checkpoint signed`,
          );
          return null;
        }
      }
      await this.transactions.run(ctx, () => storeTreeNodes(ctx, brandId, completed));
      if (verifier.result().headSeq >= size) break;
    }
    const { headSeq, headHash, firstInvalidSeq } = verifier.result();
    if (headSeq !== size) {
      this.logger.error(
        { brandId, firstInvalidSeq: firstInvalidSeq ?? headSeq + 1 },
        `The audit chain of brand ${brandId} breaks at sequence number ${firstInvalidSeq ?? headSeq + 1}; no checkpoint signed`,
      );
      return null;
    }
    return { tree, headHash };
  }
}

export function signedCheckpointOf(row: AuditCheckpointEntity): SignedCheckpoint {
  return {
    brandId: row.brandId,
    size: row.size,
    headHash: row.headHash,
    signedAt: row.signedAt.toISOString(),
    keyId: row.keyId,
    signature: row.signature,
    rootHash: row.rootHash,
    note: row.note,
  };
}
