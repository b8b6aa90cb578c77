/**
 * `npm run bench`: every figure of the speed issue from one run on this machine, printed as a table
 * and written as JSON (with the machine, the Node version, the commit and the command) to
 * bench-results/<time>.json. PostgreSQL figures need a server: BENCH_DATABASE_URL, else the local
 * one at postgres://postgres@127.0.0.1:5432/postgres if it answers.
 *
 *   npm run bench                    # everything (several minutes)
 *   npm run bench -- --quick         # smaller sizes, fewer rounds
 *   npm run bench -- --only read     # the sections whose title contains "read"
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, hostname, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { auditPart } from './audit/audit-part';
import { BenchContext, BenchPart, BenchSection, met } from './bench-report';
import { decisionsPart } from './decisions/decisions-part';
import { outboxPart } from './outbox/outbox-part';
import { reachablePostgres } from './reachable-postgres';
import { readPart } from './read/read-part';
import { signInBurstPart } from './sign-in-burst/sign-in-burst-part';
import { startPart } from './start/start-part';

const ROOT = join(__dirname, '..', '..');

/** The sections, in the order they run (the cheap ones last, on a machine already warm). */
const PARTS: BenchPart[] = [
  readPart,
  decisionsPart,
  outboxPart,
  auditPart,
  signInBurstPart,
  startPart,
];

const option = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};

function table(sections: BenchSection[]): string {
  const lines: string[] = [];
  for (const section of sections) {
    lines.push('', section.title);
    for (const figure of section.figures) {
      const verdict = met(figure);
      const target = figure.target
        ? `${figure.target.better === 'higher' ? '≥' : '≤'} ${figure.target.value} ${verdict ? 'met' : 'NOT met'}`
        : '';
      lines.push(
        `  ${figure.name.padEnd(52)} ${String(figure.value).padStart(10)} ${figure.unit.padEnd(10)} ${target.padEnd(18)} ${figure.note ?? ''}`.trimEnd(),
      );
    }
  }
  return lines.join('\n');
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  } catch {
    return 'unknown';
  }
}

async function main() {
  const only = option('only');
  const context: BenchContext = {
    postgresUrl: await reachablePostgres(),
    progress: (message) => process.stderr.write(`bench: ${message}\n`),
    quick: process.argv.includes('--quick'),
  };
  if (!context.postgresUrl) context.progress('no PostgreSQL: its figures are left out');
  const sections: BenchSection[] = [];
  for (const part of PARTS) {
    if (only && !part.title.toLowerCase().includes(only.toLowerCase())) continue;
    context.progress(part.title);
    const section = await part.measure(context);
    sections.push(section);
    process.stdout.write(`${table([section])}\n`);
  }
  const report = {
    at: new Date().toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    commit: commit(),
    machine: {
      host: hostname(),
      os: type(),
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
      freeGiB: +(freemem() / 2 ** 30).toFixed(1),
      node: process.version,
    },
    sections,
  };
  const dir = join(ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${report.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nwritten to ${file}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
