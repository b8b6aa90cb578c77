import { verifyProofFile } from '@standpoint/audit/rules';
import { readFileSync } from 'node:fs';
import { reportTrust, TrustFlags, trustOptions } from './trust-options';

// Needs no database and no application, like verify-export.

/**
 * `standpoint audit verify-proof <file> [--public-key …] [--key-fingerprint …]
 * [--accept-untrusted-key]`: checks a proof file of `audit prove` or `audit prove-consistency`.
 * Exit 1 when it does not verify, 2 when it does but only with the key it carries.
 */
export async function auditVerifyProofCommand(file: string, flags: TrustFlags): Promise<void> {
  const result = verifyProofFile(readFileSync(file, 'utf8'), await trustOptions(flags));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (!result.valid) {
    process.stderr.write(`${file}: ${result.reason}\n`);
    process.exitCode = 1;
    return;
  }
  const [first, last] = [result.checkpoints[0], result.checkpoints.at(-1)!];
  process.stderr.write(
    result.event
      ? `Event ${result.event.seq} (${result.event.action}, ${result.event.at}) is in the checkpoint of ${last.size} events of ${last.origin}.\n`
      : `The log ${last.origin} at ${last.size} events extends its checkpoint of ${first.size} events.\n`,
  );
  reportTrust(result.trust, flags);
}
