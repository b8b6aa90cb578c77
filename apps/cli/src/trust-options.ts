import { AuditKeyRing, ExportTrust, publicKeyBlocks } from '@standpoint/audit/rules';
import { readFileSync } from 'node:fs';

/** How the reader of an export or a proof says which key they trust, on the command line. */
export interface TrustFlags {
  publicKey?: string;
  keyFingerprint?: string[];
  witnessFile?: string;
  acceptUntrustedKey?: boolean;
}

/** The exit code of a file that verifies with a key only the file itself vouches for. */
export const UNTRUSTED_KEY_EXIT = 2;

export async function trustOptions(flags: TrustFlags): Promise<{
  trustedKeys?: AuditKeyRing;
  pinnedKeyIds?: string[];
  witnessNotes?: string;
}> {
  const pinned = flags.keyFingerprint ?? [];
  for (const keyId of pinned)
    if (!/^sha256:[0-9a-f]{64}$/.test(keyId))
      throw new Error(`--key-fingerprint ${keyId} is not sha256: and 64 hex digits`);
  return {
    ...(flags.publicKey
      ? { trustedKeys: AuditKeyRing.ofPems(publicKeysIn(await readKeySource(flags.publicKey))) }
      : {}),
    ...(pinned.length > 0 ? { pinnedKeyIds: pinned } : {}),
    ...(flags.witnessFile ? { witnessNotes: readFileSync(flags.witnessFile, 'utf8') } : {}),
  };
}

/**
 * Tells the reader which key the verification trusted and why, and makes a file vouched for only
 * by its own key exit with UNTRUSTED_KEY_EXIT unless they accepted that.
 */
export function reportTrust(trust: ExportTrust, flags: TrustFlags): void {
  const key = trust.keyId ?? 'no key';
  const why: Record<ExportTrust['source'], string> = {
    'trusted-key': `the trusted key of ${flags.publicKey}`,
    'pinned-fingerprint': 'a key carried in the file whose fingerprint you pinned',
    witness: `a key carried in the file that the witness of ${flags.witnessFile} saw sign`,
    export:
      'only the key carried in the file: this proves the file is intact, not that the server made it (anyone who rewrites it can sign it with a key of their own)',
  };
  process.stderr.write(
    `Checkpoint signature checked with ${key}, trusted as ${why[trust.source]}.\n`,
  );
  if (trust.trusted) return;
  if (flags.acceptUntrustedKey) {
    process.stderr.write('Accepted with --accept-untrusted-key.\n');
    return;
  }
  process.stderr.write(
    'Give --public-key (a file or the URL of GET /audit/public-key), --key-fingerprint or --witness-file to check who signed it, or accept the risk with --accept-untrusted-key.\n',
  );
  process.exitCode = UNTRUSTED_KEY_EXIT;
}

async function readKeySource(source: string): Promise<string> {
  if (!/^https?:\/\//.test(source)) return readFileSync(source, 'utf8');
  const response = await fetch(source);
  if (!response.ok) throw new Error(`${source} answered ${response.status}`);
  return response.text();
}

/** The PEM public keys of a key file, or of what GET /audit/public-key serves (its key ring). */
function publicKeysIn(text: string): string[] {
  if (text.trimStart().startsWith('{')) {
    const served = JSON.parse(text) as { keys?: { publicKey?: unknown }[]; publicKey?: unknown };
    const pems = (served.keys ?? [served]).map((key) => key.publicKey);
    if (pems.length > 0 && pems.every((pem) => typeof pem === 'string')) return pems as string[];
  }
  const blocks = publicKeyBlocks(text);
  if (blocks.length > 0) return blocks;
  throw new Error(
    '--public-key is neither PEM public keys nor the answer of GET /audit/public-key',
  );
}
