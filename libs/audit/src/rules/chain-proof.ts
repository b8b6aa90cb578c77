import { AuditEventContent, ChainLink, ChainVerification, ChainVerifier } from './audit-chain';
import { CheckpointCheck, SignedCheckpoint } from './audit-checkpoint';
import { AuditKeyRing } from './audit-keys';
import { decisionEventPasskeyProblem } from './decision-passkey';
import { CompactTree, leafHash } from './merkle-tree';
import { WitnessCheck, WitnessedCheckpoint } from './witness-check';

/** A chain verified link by link and held to its signed checkpoints. */
export interface ChainProofResult extends ChainVerification {
  /** The checkpoints whose signature, head hash and tree root matched the recomputed chain. */
  checkedCheckpoints: number;
  /** The size of the last checkpoint that held: events up to it are sealed by a signature. */
  sealedSeq: number;
  /** The events after the last checkpoint, which no signature vouches for yet. */
  unsealedEvents: number;
  /** The checkpoints kept by witnesses that the chain matched. */
  witnessedCheckpoints: number;
  /** The first checkpoint that the keys or the chain contradict; null when none does. */
  failedCheckpoint: SignedCheckpoint | null;
  /** What is wrong, for people; null when valid. */
  reason: string | null;
}

/**
 * Why a decision's passkey confirmation, if the event carries one, does not verify: the chain
 * proves the event unchanged, and this that the approver's authenticator signed those words.
 */
function passkeyProblem(canonical: string): string | null {
  // Most events carry none: only those are parsed.
  if (!canonical.includes('"passkey":')) return null;
  return decisionEventPasskeyProblem(JSON.parse(canonical) as AuditEventContent);
}

/**
 * The chain verifier plus the checkpoint check: a broken link is reported where it shows; a
 * self-consistent chain that contradicts a checkpoint is reported at that checkpoint's size,
 * the first sequence number whose hash is no longer the signed one. A chain with events and no
 * checkpoint at all is not valid: whoever holds the database could have rewritten all of it.
 * Checkpoints kept by witnesses hold the chain too: one it no longer matches, or one beyond its
 * end, shows a fork or a roll-back that the server's own checkpoints could hide.
 */
export class ChainProof {
  private readonly chain = new ChainVerifier();
  private readonly tree = CompactTree.empty();
  private readonly checkpoints: CheckpointCheck;
  private readonly witnesses: WitnessCheck;
  private lastGood: ChainVerification;
  private failure: { checkpoint: SignedCheckpoint | null; reason: string; seq: number } | null =
    null;

  constructor(
    checkpoints: readonly SignedCheckpoint[],
    ring: AuditKeyRing,
    witnessed: readonly WitnessedCheckpoint[] = [],
  ) {
    this.checkpoints = new CheckpointCheck(checkpoints, ring);
    this.witnesses = new WitnessCheck(witnessed);
    this.lastGood = this.chain.result();
  }

  /** The keys checkpoints are checked with from now on. */
  set ring(ring: AuditKeyRing) {
    this.checkpoints.ring = ring;
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
    this.tree.append(leafHash(link.canonical));
    const unconfirmed = passkeyProblem(link.canonical);
    if (unconfirmed) {
      this.failure = {
        checkpoint: null,
        reason: `the passkey confirmation of the decision at sequence number ${link.seq} does not verify: ${unconfirmed}`,
        seq: link.seq,
      };
      return false;
    }
    if (!this.holdsAt(link.seq, link.hash)) return false;
    this.lastGood = this.chain.result();
    return true;
  }

  /** A checkpoint read right after the event at its size, as an export places them. */
  addCheckpoint(checkpoint: SignedCheckpoint): boolean {
    if (this.failure) return false;
    const { headSeq, headHash } = this.lastGood;
    if (checkpoint.size !== headSeq) {
      this.failure = {
        checkpoint,
        reason: `a checkpoint of ${checkpoint.size} events after event ${headSeq}`,
        seq: headSeq + 1,
      };
      return false;
    }
    this.checkpoints.add(checkpoint);
    return this.holdsAt(headSeq, headHash);
  }

  private holdsAt(seq: number, hash: string): boolean {
    const root = () => this.tree.root();
    const contradicted = this.checkpoints.observe(seq, hash, root);
    if (contradicted) {
      this.failure = { ...contradicted, seq: contradicted.checkpoint.size };
      return false;
    }
    const unwitnessed = this.witnesses.observe(seq, root);
    if (unwitnessed) {
      this.failure = { checkpoint: null, reason: unwitnessed.reason, seq };
      return false;
    }
    return true;
  }

  result(): ChainProofResult {
    const { headSeq } = this.lastGood;
    if (!this.failure) {
      const beyond = this.checkpoints.finish(headSeq);
      // The first sequence number the checkpoint vouches for that the chain no longer has.
      const rolledBack = this.witnesses.finish(headSeq);
      if (beyond) this.failure = { ...beyond, seq: headSeq + 1 };
      else if (rolledBack)
        this.failure = { checkpoint: null, reason: rolledBack.reason, seq: headSeq + 1 };
      else if (headSeq > 0 && this.checkpoints.checkedCheckpoints === 0)
        this.failure = {
          checkpoint: null,
          reason: `no signed checkpoint seals any of the ${headSeq} events`,
          seq: 1,
        };
    }
    const { failure } = this;
    const sealedSeq = this.checkpoints.sealedSize;
    return {
      ...this.lastGood,
      valid: failure === null,
      firstInvalidSeq: failure?.seq ?? null,
      checkedCheckpoints: this.checkpoints.checkedCheckpoints,
      sealedSeq,
      unsealedEvents: headSeq - sealedSeq,
      witnessedCheckpoints: this.witnesses.checkedCheckpoints,
      failedCheckpoint: failure?.checkpoint ?? null,
      reason: failure?.reason ?? null,
    };
  }
}
