import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, newId, RequestContext, TransactionRunner } from '@standpoint/database';
import { DataSource } from 'typeorm';
import { ChainVerifier } from './rules';
import { checkpointSigner, CheckpointSigner, signCheckpoint, SignedCheckpoint } from './rules';
import { AuditCheckpointEntity } from './audit-checkpoint.entity';
import { AuditEventEntity } from './audit-event.entity';
import { chainBatches } from './chain-events';
import { storedLink } from './stored-link';

/** Signs, stores and reads the checkpoints of the brands' audit chains, with AUDIT_SIGNING_KEY. */
@Injectable()
export class CheckpointsService {
  private readonly logger = new Logger('AuditCheckpoints');
  private readonly signer: CheckpointSigner;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {
    this.signer = checkpointSigner(config.auditSigningKeyPem);
  }

  /** The public half of the signing key, for anyone who wants to verify a checkpoint. */
  publicKey(): { keyId: string; publicKeyPem: string } {
    return { keyId: this.signer.keyId, publicKeyPem: this.signer.publicKeyPem };
  }

  /**
   * Signs the head `{size, headHash}` now and stores the checkpoint, unless one of that head is
   * stored already (a concurrent worker or export signed it first): the signature answered is
   * valid either way.
   */
  async sign(
    ctx: RequestContext,
    brandId: string,
    head: { size: number; headHash: string },
  ): Promise<{ checkpoint: SignedCheckpoint; stored: boolean }> {
    const checkpoint = signCheckpoint(this.signer, {
      brandId,
      ...head,
      signedAt: this.clock.now().toISOString(),
    });
    const id = newId('ckp');
    const kept = await this.transactions.run(ctx, async () => {
      await ctx.em
        .createQueryBuilder()
        .insert()
        .into(AuditCheckpointEntity)
        .values({ id, ...checkpoint, signedAt: new Date(checkpoint.signedAt) })
        .orIgnore()
        .execute();
      return ctx.em.findOneByOrFail(AuditCheckpointEntity, { brandId, size: head.size });
    });
    return { checkpoint, stored: kept.id === id };
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
   * The worker's round: a checkpoint of every brand whose chain grew since its last one. The new
   * events are first checked to continue from that checkpoint's head, so a rewritten chain is
   * never signed. Answers how many checkpoints it stored.
   */
  async signGrownHeads(): Promise<number> {
    const ctx = RequestContext.system(this.dataSource);
    const heads = await ctx.em
      .createQueryBuilder(AuditEventEntity, 'e')
      .select('e.brandId', 'brandId')
      .addSelect('MAX(e.seq)', 'size')
      .groupBy('e.brandId')
      .getRawMany<{ brandId: string; size: number | string }>();
    let stored = 0;
    for (const head of heads) {
      const last = await ctx.em.findOne(AuditCheckpointEntity, {
        where: { brandId: head.brandId },
        order: { size: 'DESC' },
      });
      if (last && last.size >= Number(head.size)) continue;
      const proven = await this.continuation(ctx, head.brandId, last);
      if (!proven) continue;
      if ((await this.sign(ctx, head.brandId, proven)).stored) stored++;
    }
    return stored;
  }

  /** The chain's head verified onward from the last checkpoint, or null (and an error logged). */
  private async continuation(
    ctx: RequestContext,
    brandId: string,
    last: AuditCheckpointEntity | null,
  ): Promise<{ size: number; headHash: string } | null> {
    const verifier = new ChainVerifier(last ? { seq: last.size, hash: last.headHash } : undefined);
    for await (const batch of chainBatches(ctx, brandId, last?.size))
      for (const row of batch) {
        if (verifier.add(storedLink(row))) continue;
        const { firstInvalidSeq } = verifier.result();
        this.logger.error(
          { brandId, firstInvalidSeq },
          `The audit chain of brand ${brandId} breaks at sequence number ${firstInvalidSeq}; no checkpoint signed`,
        );
        return null;
      }
    const { headSeq, headHash } = verifier.result();
    return { size: headSeq, headHash };
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
  };
}
