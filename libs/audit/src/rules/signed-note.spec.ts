import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { noteKeyHash, parseNote, signNote, verifiedSigners } from './signed-note';

// The reference note of golang.org/x/mod/sumdb/note (note_test.go), which C2SP's signed note
// standardises: Ed25519 is deterministic, so signing its text with its key must give its bytes.
const SEED = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
const PUBLIC = Buffer.from('ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'base64').subarray(1);
const TEXT =
  'If you think cryptography is the answer to your problem,\n' +
  "then you don't know what your problem is.\n";
const NOTE = `${TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

const privateKey = createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), SEED]),
  format: 'der',
  type: 'pkcs8',
});
const publicKey = createPublicKey({
  key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), PUBLIC]),
  format: 'der',
  type: 'spki',
});
const peter = { keyName: 'PeterNeumann', publicKey };

describe('signed notes (C2SP)', () => {
  it('signs the Go reference note byte for byte, with its key hash', () => {
    expect(noteKeyHash(peter).toString('hex')).toBe('c74f20a3');
    expect(signNote(TEXT, 'PeterNeumann', privateKey)).toBe(NOTE);
  });

  it('verifies the reference note and ignores signatures of unknown keys', () => {
    const parsed = parseNote(NOTE);
    expect(parsed.text).toBe(TEXT);
    expect(verifiedSigners(parsed, [peter])).toEqual([peter]);
    const stranger = {
      keyName: 'PeterNeumann',
      publicKey: generateKeyPairSync('ed25519').publicKey,
    };
    expect(verifiedSigners(parsed, [stranger])).toEqual([]);
  });

  it('rejects a note whose text or signature was altered', () => {
    expect(() => verifiedSigners(parseNote(NOTE.replace('problem,', 'problem;')), [peter])).toThrow(
      /does not verify/,
    );
    const flipped = NOTE.replace('x08go/ZJ', 'x08go/ZK');
    expect(() => verifiedSigners(parseNote(flipped), [peter])).toThrow(/does not verify/);
  });

  it.each([
    ['no final newline', NOTE.slice(0, -1)],
    ['no blank line', NOTE.replace('\n\n', '\n')],
    ['a hyphen for the em dash', NOTE.replace('\u2014', '-')],
    ['a control character', NOTE.replace('If', 'I\u0007f')],
    ['a truncated signature', `${TEXT}\n\u2014 PeterNeumann x08g\n`],
    ['a space in the key name', NOTE.replace('PeterNeumann', 'Peter Neumann')],
  ])('refuses a note with %s', (_, note) => {
    expect(() => parseNote(note)).toThrow();
  });
});
