import { checkpointSigner } from '../../libs/audit/src/rules';
import { sampleExport } from '../../libs/audit/src/rules/sample-export';
import { REPO_ROOT, runNode } from '../../libs/testing/src/processes';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** An operator's command, as `npx standpoint` takes it. */
export interface CliCommand {
  name: string;
  args: string[];
}

/**
 * The commands timed: those that need no application (the help, the version, the offline verifier
 * of a 1,000-event export it writes into `dataDir`, the trusted-documents manifest) and those that
 * open the database (`migrate` when up to date, `audit verify` of the demo brand).
 */
export function cliCommands(dataDir: string): CliCommand[] {
  const signer = checkpointSigner(
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    'bench.test/audit',
  );
  const exportFile = join(dataDir, 'sample.ndjson');
  writeFileSync(exportFile, `${sampleExport(1_000, signer).join('\n')}\n`);
  return [
    { name: '--version', args: ['--version'] },
    { name: '--help', args: ['--help'] },
    {
      name: 'audit verify-export (1,000 events)',
      args: ['audit', 'verify-export', exportFile, '--accept-untrusted-key'],
    },
    {
      name: 'trusted-documents (the example client)',
      args: ['trusted-documents', join(REPO_ROOT, 'examples', 'client', 'operations')],
    },
    { name: 'migrate (up to date)', args: ['migrate'] },
    { name: 'audit verify --brand demo', args: ['audit', 'verify', '--brand', 'demo'] },
  ];
}

/** Runs `bin/standpoint.js <args>` to its end: the time from the spawn to its exit; throws if it fails. */
export async function commandMs(args: string[], env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const command = runNode('bin/standpoint.js', args, env);
  const { code } = await command.exited;
  if (code !== 0)
    throw new Error(`standpoint ${args.join(' ')} failed (exit ${code}):\n${command.output()}`);
  return Math.round(performance.now() - started);
}
