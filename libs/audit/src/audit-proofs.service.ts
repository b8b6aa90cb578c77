import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { DataSource, IsNull, MoreThanOrEqual, Not } from 'typeorm';
import {
  consistencyRanges,
  inclusionRanges,
  PROOF_FORMAT,
  proofFileText,
  publishedKeys,
  readCheckpointNote,
  SignedCheckpoint,
  tlogProof,
} from './rules';
import { AuditCheckpointEntity } from './audit-checkpoint.entity';
import { AuditEventEntity } from './audit-event.entity';
import { CheckpointsService, signedCheckpointOf } from './checkpoints.service';
import { contentOf } from './stored-link';
import { treeHashes } from './tree-store';

/** A proof file and the checkpoint it leads to. */
export interface AuditProof {
  file: string;
  checkpoint: SignedCheckpoint;
}

/**
 * Proofs that outsiders check offline (`rules/proof-file.ts`): that one event is in a signed
 * checkpoint, and that the log today extends a checkpoint an auditor kept. An event no checkpoint
 * seals yet gets one signed now, so that a decision just made is provable at once.
 */
@Injectable()
export class AuditProofsService {
  constructor(
    private readonly checkpoints: CheckpointsService,
    private readonly dataSource: DataSource,
  ) {}

  async inclusion(ctx: RequestContext, event: AuditEventEntity): Promise<AuditProof> {
    const checkpoint = await this.latestCovering(ctx, event.brandId, event.seq);
    const hashes = await treeHashes(
      ctx,
      event.brandId,
      inclusionRanges(event.seq - 1, checkpoint.size),
    );
    return {
      checkpoint,
      file: proofFileText({
        format: PROOF_FORMAT,
        kind: 'inclusion',
        event: { ...contentOf(event), hash: event.hash },
        proof: tlogProof(event.seq - 1, hashes, checkpoint.note!),
        publicKeys: publishedKeys(this.checkpoints.ring),
      }),
    };
  }

  /** From a checkpoint note the auditor kept to a checkpoint of the brand's chain as it is now. */
  async consistency(ctx: RequestContext, brandId: string, fromNote: string): Promise<AuditProof> {
    let from: { origin: string; size: number };
    try {
      from = readCheckpointNote(fromNote, this.checkpoints.ring);
    } catch (error) {
      throw DomainError.invalidField([
        { field: 'fromCheckpoint', rule: 'signedCheckpoint', message: (error as Error).message },
      ]);
    }
    if (!from.origin.endsWith(`/${brandId}`))
      throw DomainError.invalidField([
        {
          field: 'fromCheckpoint',
          rule: 'sameBrand',
          message: `a checkpoint of ${from.origin}, not of this brand`,
        },
      ]);
    const to = await this.sealNow(ctx, brandId);
    if (!to?.note || to.size < from.size)
      throw DomainError.conflict(
        `the audit chain of this brand cannot be sealed beyond its kept checkpoint of ${from.size} events; see the audit verification`,
      );
    const hashes = await treeHashes(ctx, brandId, consistencyRanges(from.size, to.size));
    return {
      checkpoint: to,
      file: proofFileText({
        format: PROOF_FORMAT,
        kind: 'consistency',
        brandId,
        from: fromNote,
        to: to.note!,
        hashes: hashes.map((hash) => hash.toString('base64')),
        publicKeys: publishedKeys(this.checkpoints.ring),
      }),
    };
  }

  /**
   * Seals the brand's chain. Outside a transaction (a query), as the system in transactions of its
   * own: the field resolvers of one request (a decision record's lines) ask for proofs side by
   * side and must not share one. Inside the caller's transaction, in it: on SQLite a transaction
   * of its own would wait for the caller's to end.
   */
  private sealNow(ctx: RequestContext, brandId: string): Promise<SignedCheckpoint | null> {
    const sealing = ctx.inTransaction ? ctx : RequestContext.system(this.dataSource);
    return this.checkpoints.seal(sealing, brandId);
  }

  /** The brand's latest tree checkpoint of at least `size` events, sealing the chain if none is. */
  private async latestCovering(
    ctx: RequestContext,
    brandId: string,
    size: number,
  ): Promise<SignedCheckpoint> {
    const latest = await ctx.em.findOne(AuditCheckpointEntity, {
      where: { brandId, size: MoreThanOrEqual(size), note: Not(IsNull()) },
      order: { size: 'DESC' },
    });
    const checkpoint = latest ? signedCheckpointOf(latest) : await this.sealNow(ctx, brandId);
    if (!checkpoint?.note || checkpoint.size < size)
      throw DomainError.conflict(
        `the audit chain of this brand cannot be sealed up to event ${size} now; see the audit verification`,
      );
    return checkpoint;
  }
}
