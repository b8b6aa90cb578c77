import { verifyExport } from '@standpoint/audit/rules';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { count, terminalProgress } from './progress';
import { reportTrust, TrustFlags, trustOptions } from './trust-options';

// Needs no database and no application: it loads only the audit rules, so it starts at once.

/**
 * `standpoint audit verify-export <file> [--public-key <file or URL>] [--key-fingerprint <id>]
 * [--witness-file <file>] [--accept-untrusted-key]`: verifies an NDJSON export with no database.
 * Exit 1 when it does not verify, 2 when it does but only with the key it carries.
 */
export async function auditVerifyExportCommand(file: string, flags: TrustFlags): Promise<void> {
  const options = await trustOptions(flags);
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  const progress = terminalProgress((n) => `read ${count(n)} lines`);
  let read = 0;
  const result = await verifyExport(lines, {
    ...options,
    onLine: (n) => progress.update((read = n)),
  });
  progress.end(read);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (!result.valid) {
    process.stderr.write(`${file}: line ${result.firstBadLine}: ${result.reason}\n`);
    process.exitCode = 1;
    return;
  }
  reportTrust(result.trust, flags);
}
