import { createHash, createPublicKey, KeyObject, sign, verify } from 'node:crypto';

// The signed note of C2SP (c2sp.org/signed-note): a text ending in a newline, a blank line, then
// one line per signature, `— <key name> base64(key hash ‖ signature)`. Checkpoints are signed
// notes, so that transparency-log witnesses and tools can read and cosign ours.

const SIGNATURE_PREFIX = '\u2014 ';
const ED25519_TYPE = 0x01;
/** Verifiers must accept 16 signatures; a note with far more is not one of ours. */
const MAX_SIGNATURES = 64;

export interface NoteSignature {
  keyName: string;
  /** The first four bytes of SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ the 32-byte Ed25519 key). */
  keyHash: Buffer;
  signature: Buffer;
}

export interface ParsedNote {
  /** The signed text, with its final newline. */
  text: string;
  signatures: NoteSignature[];
}

/** An Ed25519 public key under a note key name. */
export interface NoteKey {
  keyName: string;
  publicKey: KeyObject;
}

/** The 32 raw bytes of an Ed25519 public key (RFC 8032), the end of its SubjectPublicKeyInfo. */
export function rawEd25519(publicKey: KeyObject): Buffer {
  return publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
}

export function noteKeyHash(key: NoteKey): Buffer {
  return createHash('sha256')
    .update(`${key.keyName}\n`)
    .update(Uint8Array.of(ED25519_TYPE))
    .update(rawEd25519(key.publicKey))
    .digest()
    .subarray(0, 4);
}

/** The note text signed by `privateKey` as `keyName`: text, blank line, signature line. */
export function signNote(text: string, keyName: string, privateKey: KeyObject): string {
  if (!text.endsWith('\n')) throw new Error('a note text ends with a newline');
  if (!validKeyName(keyName)) throw new Error(`"${keyName}" cannot be a note key name`);
  const keyHash = noteKeyHash({ keyName, publicKey: createPublicKey(privateKey) });
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
  return `${text}\n${SIGNATURE_PREFIX}${keyName} ${Buffer.concat([keyHash, signature]).toString('base64')}\n`;
}

/**
 * Splits a signed note into its text and signatures; throws on anything that is not one. The
 * text ends at the last blank line.
 */
export function parseNote(note: string): ParsedNote {
  if (!note.endsWith('\n')) throw new Error('a signed note ends with a newline');
  if ([...note].some((char) => char < ' ' && char !== '\n'))
    throw new Error('a control character in the note');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new Error('no blank line between the text and the signatures');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new Error('too many signatures');
  const signatures = lines.map((line) => {
    if (!line.startsWith(SIGNATURE_PREFIX))
      throw new Error('a signature line must start with "— "');
    const [keyName, encoded, ...rest] = line.slice(SIGNATURE_PREFIX.length).split(' ');
    if (rest.length > 0 || !validKeyName(keyName) || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded ?? ''))
      throw new Error('a malformed signature line');
    const bytes = Buffer.from(encoded, 'base64');
    if (bytes.length < 5) throw new Error('a signature shorter than its key hash');
    return { keyName, keyHash: bytes.subarray(0, 4), signature: bytes.subarray(4) };
  });
  return { text, signatures };
}

/**
 * The keys among `known` whose signatures on the note verify. A signature by a known key (same
 * name and key hash) that does not verify makes the whole note untrustworthy: it throws.
 */
export function verifiedSigners(parsed: ParsedNote, known: readonly NoteKey[]): NoteKey[] {
  const text = Buffer.from(parsed.text, 'utf8');
  const signers: NoteKey[] = [];
  for (const signature of parsed.signatures) {
    const key = known.find(
      (candidate) =>
        candidate.keyName === signature.keyName && noteKeyHash(candidate).equals(signature.keyHash),
    );
    if (!key) continue; // The note spec: signatures of unknown keys are ignored.
    if (!verify(null, text, key.publicKey, signature.signature))
      throw new Error(`the signature of ${signature.keyName} does not verify`);
    signers.push(key);
  }
  return signers;
}

function validKeyName(name: string | undefined): name is string {
  return !!name && !/[\s+]/u.test(name);
}
