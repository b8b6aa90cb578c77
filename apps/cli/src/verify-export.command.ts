import { verifyExport } from '@standpoint/audit/rules';
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { count, terminalProgress } from './progress';

// Needs no database and no application: it loads only the audit rules, so it starts at once.

/**
 * `standpoint audit verify-export <file> [--public-key <file or URL>]`: verifies an NDJSON export
 * with no database, its closing checkpoint with the key it carries or with a trusted one.
 */
export async function auditVerifyExportCommand(
  file: string,
  options: { publicKey?: string },
): Promise<void> {
  const trustedPublicKeyPem = options.publicKey
    ? publicKeyPemOf(await readKeySource(options.publicKey))
    : undefined;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  const progress = terminalProgress((n) => `read ${count(n)} lines`);
  let read = 0;
  const result = await verifyExport(lines, {
    trustedPublicKeyPem,
    onLine: (n) => progress.update((read = n)),
  });
  progress.end(read);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.stderr.write(
    options.publicKey
      ? `Checkpoint signature checked with the trusted key ${options.publicKey}.\n`
      : 'Checkpoint signature checked with the public key carried in the export; pass --public-key to check it against a key you trust.\n',
  );
  if (!result.valid) {
    process.stderr.write(`${file}: line ${result.firstBadLine}: ${result.reason}\n`);
    process.exitCode = 1;
  }
}

async function readKeySource(source: string): Promise<string> {
  if (!/^https?:\/\//.test(source)) return readFileSync(source, 'utf8');
  const response = await fetch(source);
  if (!response.ok) throw new Error(`${source} answered ${response.status}`);
  return response.text();
}

/** A PEM public key, as a file or as the JSON of GET /audit/public-key. */
function publicKeyPemOf(text: string): string {
  if (text.trimStart().startsWith('{')) {
    const served = JSON.parse(text) as { publicKey?: unknown };
    if (typeof served.publicKey === 'string') return served.publicKey;
  }
  if (text.includes('-----BEGIN PUBLIC KEY-----')) return text;
  throw new Error(
    '--public-key is neither a PEM public key nor the answer of GET /audit/public-key',
  );
}
