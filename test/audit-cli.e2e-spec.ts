import { provisionTestDatabase, runNode, testEnvironment, TestDatabase } from '@standpoint/testing';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The operator's audit commands, as processes, on a demo brand's chain. */
describe('standpoint audit', () => {
  jest.setTimeout(180_000);
  let db: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await provisionTestDatabase();
    env = testEnvironment(db);
    const seed = runNode('bin/standpoint.js', ['seed-demo'], env);
    expect((await seed.exited).code).toBe(0);
  });
  afterAll(() => db.drop());

  const run = async (args: string[]) => {
    const cli = runNode('bin/standpoint.js', args, env);
    const exit = await cli.exited;
    return { code: exit.code, output: cli.output() };
  };

  it('verifies a brand chain in the database, sealed by the demo seed', async () => {
    const result = await run(['audit', 'verify', '--brand', 'demo']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.output.trim().split('\n').at(-1)!)).toMatchObject({
      valid: true,
      firstInvalidSeq: null,
      checkedCheckpoints: 1,
      unsealedEvents: 0,
    });
  });

  it('shows its progress on a terminal, and none in a pipe', async () => {
    const piped = await run(['audit', 'verify', '--brand', 'demo']);
    expect(piped.output).not.toContain('\r');
    expect(piped.output).not.toMatch(/checked \d/);

    // `script` gives the command a terminal (a pseudo-terminal) and copies what it shows.
    const cli = ['node', 'bin/standpoint.js', 'audit', 'verify', '--brand', 'demo'].join(' ');
    const onTerminal = spawnSync('script', ['-qec', cli, '/dev/null'], {
      cwd: join(__dirname, '..'),
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
    });
    expect(onTerminal.status).toBe(0);
    expect(onTerminal.stdout).toMatch(/\rchecked (\d+)\/\1 events\r?\n/);
  });

  it('exports the chain as NDJSON that verifies offline, and names the line of one flipped byte', async () => {
    const file = join(db.dataDir, 'demo.ndjson');
    expect((await run(['audit', 'export', '--brand', 'demo', '--output', file])).code).toBe(0);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0])).toMatchObject({
      format: 'standpoint-audit-export/2',
      brandSlug: 'demo',
    });
    expect(lines.length).toBeGreaterThan(10);

    const valid = await run(['audit', 'verify-export', file, '--accept-untrusted-key']);
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.output.split('\n')[0])).toMatchObject({
      valid: true,
      checkedEvents: lines.length - 2, // the header and the checkpoint of the seed are no events
      checkedCheckpoints: 1,
      firstBadLine: null,
    });

    const tampered = join(db.dataDir, 'tampered.ndjson');
    const flipped = [...lines];
    flipped[5] = flipped[5].replace('"seq":5', '"seq":6');
    writeFileSync(tampered, `${flipped.join('\n')}\n`);
    const broken = await run(['audit', 'verify-export', tampered, '--accept-untrusted-key']);
    expect(broken.code).toBe(1);
    expect(broken.output).toContain(`${tampered}: line 6:`);

    const edited = [...lines];
    edited[8] = edited[8].replace('demo.standpoint.local', 'demo.standpoint.locaL');
    writeFileSync(tampered, `${edited.join('\n')}\n`);
    expect(
      (await run(['audit', 'verify-export', tampered, '--accept-untrusted-key'])).output,
    ).toContain(`${tampered}: line 9:`);
  });

  it('exports CSV for people to read', async () => {
    const result = await run(['audit', 'export', '--brand', 'demo', '--format', 'csv']);
    expect(result.code).toBe(0);
    const [header, first] = result.output.split('\n');
    expect(header).toBe('seq,at,actorId,actorLabel,action,entityType,entityId,data,prevHash,hash');
    expect(first).toMatch(/^1,.*,system,brand\.created,Brand,brd_/);
  });

  it('says which brand it does not know', async () => {
    const result = await run(['audit', 'verify', '--brand', 'nope']);
    expect(result.code).toBe(1);
    expect(result.output).toContain('no brand has the slug "nope"');
  });
});
