import { originOf, readCheckpointNote } from './audit-checkpoint';
import { AuditKeyRing } from './audit-keys';

/**
 * A checkpoint an outside witness received and kept (the `audit.checkpoint` webhook carries its
 * signed note). The server cannot take it back: a chain rolled back below it, or rewritten under
 * it, no longer matches it.
 */
export interface WitnessedCheckpoint {
  size: number;
  /** Base64 RFC 9162 root. */
  rootHash: string;
  /** The ring key whose signature on the note verified. */
  keyId: string;
  note: string;
}

const SIGNATURE_LINE = /^\u2014 /;

/**
 * The signed notes of a witness file: notes one after another, blank lines between them allowed.
 * A note is its text lines, a blank line, then its signature lines.
 */
export function notesOf(text: string): string[] {
  const notes: string[] = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    if (lines[i] === '') {
      i++;
      continue;
    }
    const body: string[] = [];
    while (i < lines.length && lines[i] !== '') body.push(lines[i++]);
    i++; // the blank line before the signatures
    const signatures: string[] = [];
    while (i < lines.length && SIGNATURE_LINE.test(lines[i])) signatures.push(lines[i++]);
    if (signatures.length === 0) throw new Error(`a note without signatures: "${body[0]}"`);
    notes.push(`${body.join('\n')}\n\n${signatures.join('\n')}\n`);
  }
  return notes;
}

/**
 * The checkpoints of this brand in a witness file, each checked to be signed by a key of the
 * ring; notes of other logs are left out. Throws on a note of this brand no ring key signed.
 */
export function witnessedCheckpoints(
  text: string,
  brandId: string,
  ring: AuditKeyRing,
): WitnessedCheckpoint[] {
  return notesOf(text)
    .filter((note) => originOf(note).endsWith(`/${brandId}`))
    .map((note) => {
      const { size, rootHash, keyId } = readCheckpointNote(note, ring);
      return { size, rootHash, keyId, note };
    });
}

/** Holds a chain, read in order, to the checkpoints a witness kept. */
export class WitnessCheck {
  private readonly pending: WitnessedCheckpoint[];
  private checked = 0;

  constructor(witnessed: readonly WitnessedCheckpoint[]) {
    this.pending = [...witnessed].sort((a, b) => b.size - a.size);
  }

  get checkedCheckpoints(): number {
    return this.checked;
  }

  /** Why the chain at `seq` (whose tree root is `root`) contradicts the witness, or null. */
  observe(seq: number, root: () => Buffer): WitnessFailure | null {
    while (this.pending.length > 0 && this.pending[this.pending.length - 1].size <= seq) {
      const witnessed = this.pending.pop()!;
      if (witnessed.rootHash !== root().toString('base64'))
        return {
          witnessed,
          reason: `a witness holds a different checkpoint of ${witnessed.size} events: the history was rewritten (a fork)`,
        };
      this.checked++;
    }
    return null;
  }

  /** A witnessed checkpoint beyond the chain's end: the log was rolled back. */
  finish(headSeq: number): WitnessFailure | null {
    const beyond = this.pending.at(0);
    return beyond
      ? {
          witnessed: beyond,
          reason: `a witness holds a checkpoint of ${beyond.size} events, but the chain ends at ${headSeq}: it was rolled back`,
        }
      : null;
  }
}

export interface WitnessFailure {
  witnessed: WitnessedCheckpoint;
  reason: string;
}
