import { ChainLink, ChainVerification, ChainVerifier } from './audit-chain';
import { CheckpointCheck, SignedCheckpoint } from './audit-checkpoint';

/** A chain verified link by link and held to its signed checkpoints. */
export interface ChainProofResult extends ChainVerification {
  /** The checkpoints whose signature and head hash matched the recomputed chain. */
  checkedCheckpoints: number;
  /** The first checkpoint that the key or the chain contradicts; null when none does. */
  failedCheckpoint: SignedCheckpoint | null;
  /** What is wrong, for people; null when valid. */
  reason: string | null;
}

/**
 * The chain verifier plus the checkpoint check: a broken link is reported where it shows; a
 * self-consistent chain that contradicts a checkpoint is reported at that checkpoint's size,
 * the first sequence number whose hash is no longer the signed one.
 */
export class ChainProof {
  private readonly chain = new ChainVerifier();
  private readonly checkpoints: CheckpointCheck;
  private lastGood: ChainVerification;
  private failure: { checkpoint: SignedCheckpoint | null; reason: string; seq: number } | null =
    null;

  constructor(checkpoints: readonly SignedCheckpoint[], publicKeyPem: string) {
    this.checkpoints = new CheckpointCheck(checkpoints, publicKeyPem);
    this.lastGood = this.chain.result();
  }

  add(link: ChainLink): boolean {
    if (this.failure) return false;
    if (!this.chain.add(link)) {
      const seq = this.chain.result().firstInvalidSeq!;
      this.failure = {
        checkpoint: null,
        reason: `the hash, the link to the previous event or the numbering does not match at sequence number ${seq}`,
        seq,
      };
      return false;
    }
    const contradicted = this.checkpoints.observe(link.seq, link.hash);
    if (contradicted) {
      this.failure = { ...contradicted, seq: contradicted.checkpoint.size };
      return false;
    }
    this.lastGood = this.chain.result();
    return true;
  }

  result(): ChainProofResult {
    if (!this.failure) {
      const beyond = this.checkpoints.finish(this.lastGood.headSeq);
      // The first sequence number the checkpoint vouches for that the chain no longer has.
      if (beyond) this.failure = { ...beyond, seq: this.lastGood.headSeq + 1 };
    }
    const { failure } = this;
    return {
      ...this.lastGood,
      valid: failure === null,
      firstInvalidSeq: failure?.seq ?? null,
      checkedCheckpoints: this.checkpoints.checkedCheckpoints,
      failedCheckpoint: failure?.checkpoint ?? null,
      reason: failure?.reason ?? null,
    };
  }
}
