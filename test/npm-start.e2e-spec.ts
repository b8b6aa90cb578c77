import {
  freePort,
  REPO_ROOT,
  runCommand,
  stopCommand,
  TEST_DATABASE_URL,
} from '@standpoint/testing';
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** What a copy of the repository leaves out: what `npm install` and the build make, and the tests. */
const NOT_COPIED = new Set([
  '.git',
  'node_modules',
  'dist',
  'data',
  'coverage',
  'bench-results',
  'test',
]);

/** The sources as a fresh clone has them, with the installed packages, and no build. */
function cloneWithoutBuild(): string {
  const clone = mkdtempSync(join(tmpdir(), 'standpoint-clone-'));
  cpSync(REPO_ROOT, clone, {
    recursive: true,
    filter: (source) => source === REPO_ROOT || !NOT_COPIED.has(basename(source)),
  });
  symlinkSync(realpathSync(join(REPO_ROOT, 'node_modules')), join(clone, 'node_modules'));
  return clone;
}

/**
 * `npm start` builds only when the sources changed since the last build: a clone with no build is
 * built, an unchanged tree starts without compiling, and an edited source is compiled before the
 * server starts. In a copy of the repository, so the build the other tests run is not touched.
 */
// It tests the build, not the database: once, in the SQLite run.
const onSqlite = TEST_DATABASE_URL ? describe.skip : describe;

onSqlite('npm start', () => {
  // Two builds of the whole project, on a machine other tests keep busy.
  jest.setTimeout(900_000);

  let clone: string;
  beforeAll(() => {
    clone = cloneWithoutBuild();
  });
  afterAll(() => rmSync(clone, { recursive: true, force: true }));

  /** `npm start` in the clone until healthy: what it printed, then it is stopped. */
  async function npmStart(): Promise<string> {
    const port = await freePort();
    const server = runCommand(
      'npm',
      ['start'],
      { DATA_DIR: join(clone, 'data'), PORT: String(port), HOME: process.env.HOME ?? '' },
      clone,
    );
    try {
      await server.healthy(`http://127.0.0.1:${port}`, 600_000);
    } finally {
      await stopCommand(server);
    }
    return server.output();
  }

  const builtMain = () => join(clone, 'dist', 'src', 'main.js');

  it('builds a fresh clone, compiles nothing when nothing changed, and compiles an edited source', async () => {
    const fresh = await npmStart();
    expect(fresh).not.toContain('the build is up to date');
    const built = statSync(builtMain()).mtimeMs;

    const unchanged = await npmStart();
    expect(unchanged).toContain('the build is up to date');
    expect(statSync(builtMain()).mtimeMs).toBe(built);

    appendFileSync(
      join(clone, 'src', 'main.ts'),
      "process.stderr.write('compiled after the edit\\n');\n",
    );
    const edited = await npmStart();
    expect(edited).not.toContain('the build is up to date');
    expect(edited).toContain('compiled after the edit');
  });
});
