/**
 * What verifying an audit export costs in one process, without a database: for each size it builds
 * a valid export of that many events in memory, times `verifyExport` over it, then changes one
 * event near the end and checks that the verifier names that line. Prints the figures as JSON and
 * exits non-zero when a verdict is wrong. (The unit spec checks the same on a short chain.)
 *
 *   npm run bench:audit-verify                     # 100,000 events
 *   npm run bench:audit-verify -- 10000 1000000    # sizes of your choice
 */
import { checkpointSigner, verifyExport } from '../libs/audit/src/rules';
import { sampleExport, withEventAltered } from '../libs/audit/src/rules/sample-export';
import { generateKeyPairSync } from 'node:crypto';

const sizes = process.argv.slice(2).map(Number);
const signer = checkpointSigner(
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
);
const seconds = (since: bigint) => +(Number(process.hrtime.bigint() - since) / 1e9).toFixed(2);

async function* from(lines: string[]): AsyncGenerator<string> {
  yield* lines;
}

async function measure(events: number) {
  let started = process.hrtime.bigint();
  const lines = sampleExport(events, signer);
  const buildSeconds = seconds(started);

  started = process.hrtime.bigint();
  const untouched = await verifyExport(from(lines));
  const verifySeconds = seconds(started);

  const altered = Math.max(1, Math.floor(events * 0.73));
  started = process.hrtime.bigint();
  const tampered = await verifyExport(from(withEventAltered(lines, altered)));
  const tamperedSeconds = seconds(started);

  const right =
    untouched.valid &&
    untouched.checkedEvents === events &&
    !tampered.valid &&
    tampered.firstBadLine === altered + 1;
  if (!right) process.exitCode = 1;
  return {
    events,
    buildSeconds,
    verifySeconds,
    eventsPerSecond: Math.round(events / verifySeconds),
    tampered: { line: altered + 1, reportedLine: tampered.firstBadLine, seconds: tamperedSeconds },
    verdictsRight: right,
  };
}

async function main() {
  const results = [];
  for (const events of sizes.length ? sizes : [100_000]) results.push(await measure(events));
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

void main();
