/**
 * How long the operator's commands take from `node` to their exit, each run several times on a
 * fresh SQLite data directory: the median and the fastest in milliseconds, as JSON. Commands that
 * need no application (help, --version, the offline verifier, the trusted-documents manifest)
 * should answer in well under 1.5 s;
 * the others pay for the application they start.
 *
 *   npm run bench:cli-start                                   # bin/standpoint.js, 5 runs each
 *   npm run bench:cli-start -- --runs 9 --entry <main.js>     # another build of the command line
 */
import { checkpointSigner } from '../libs/audit/src/rules';
import { sampleExport } from '../libs/audit/src/rules/sample-export';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const option = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const runs = Number(option('runs') ?? 5);
const entry = option('entry') ?? join(ROOT, 'bin', 'standpoint.js');

const dataDir = mkdtempSync(join(tmpdir(), 'standpoint-cli-bench-'));
const env = { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, NODE_ENV: 'development' };
const signer = checkpointSigner(
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
);
const exportFile = join(dataDir, 'sample.ndjson');
writeFileSync(exportFile, `${sampleExport(1_000, signer).join('\n')}\n`);

/** The time of one run, and its exit code (an older build may lack a command: it is timed too). */
function run(args: string[]): { ms: number; exit: number | null } {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [entry, ...args], { cwd: ROOT, env, stdio: 'pipe' });
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, exit: result.status };
}

const COMMANDS: [string, string[]][] = [
  ['--version', ['--version']],
  ['--help', ['--help']],
  ['audit verify-export (1,000 events)', ['audit', 'verify-export', exportFile]],
  [
    'trusted-documents (the example client)',
    ['trusted-documents', join(ROOT, 'examples', 'client', 'operations')],
  ],
  ['migrate (up to date)', ['migrate']],
  ['audit verify --brand demo', ['audit', 'verify', '--brand', 'demo']],
];

try {
  for (const setup of [['migrate'], ['seed-demo']])
    if (run(setup).exit !== 0) throw new Error(`${setup.join(' ')} failed`);
  const rows = COMMANDS.map(([command, args]) => {
    const results = Array.from({ length: runs }, () => run(args));
    const times = results.map((r) => r.ms).sort((a, b) => a - b);
    return {
      command,
      medianMs: Math.round(times[Math.floor(runs / 2)]),
      fastestMs: Math.round(times[0]),
      exit: results[0].exit,
    };
  });
  for (const row of rows)
    process.stdout.write(
      `${row.command.padEnd(40)} median ${String(row.medianMs).padStart(5)} ms   fastest ${String(row.fastestMs).padStart(5)} ms   exit ${row.exit}\n`,
    );
  process.stdout.write(`${JSON.stringify({ entry, runs, node: process.version, rows })}\n`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
