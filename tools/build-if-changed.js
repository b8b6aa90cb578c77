// @ts-check
// The first half of `npm start`: builds only when a source changed since the last build (or there
// is none, as on a fresh clone), so an unchanged tree starts at once. TypeScript's build mode
// decides, as `tsc -b` does (the build's record against the sources' timestamps); the build itself
// is `npm run build`, the one definition of it. Its verdict "up to date" is kept with what the tree
// looked like, so an unchanged tree is not even shown to TypeScript again. Plain JavaScript: it runs
// before anything is built.
const { spawnSync } = require('node:child_process');
const { readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
/** What the tree looked like when TypeScript last found the build up to date. */
const VERDICT = join(ROOT, 'dist', '.up-to-date');
/** The repository's folders that hold no sources: what git, installs, builds and runs write. */
const NOT_SOURCES = new Set(['.git', 'node_modules', 'dist', 'data', 'coverage', 'bench-results']);

/**
 * Every file and folder of the tree the build could read, with its modification time and size,
 * the build's record, and TypeScript's version: all that `tsc -b` looks at to say "up to date".
 * Listing them costs a few milliseconds, where loading TypeScript costs most of a second.
 */
function treeState() {
  const lines = [require('typescript/package.json').version];
  /** @param {string} dir */
  const visit = (dir) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if ((dir === '' && NOT_SOURCES.has(entry.name)) || entry.name === 'node_modules') continue;
      const { mtimeMs, size } = statSync(join(ROOT, path));
      lines.push(`${path} ${mtimeMs} ${size}`);
      if (entry.isDirectory()) visit(path);
    }
  };
  visit('');
  const record = statSync(join(ROOT, 'dist', '.tsbuildinfo'), { throwIfNoEntry: false });
  lines.push(`build record ${record?.mtimeMs} ${record?.size}`);
  return lines.join('\n');
}

/** Whether `tsc -b` would compile something (or update the build's timestamps). */
function buildIsStale() {
  // TypeScript's compiler is 9 MB of JavaScript: from Node's compile cache where there is one.
  /** @type {{ enableCompileCache?: () => unknown }} */ (
    require('node:module')
  ).enableCompileCache?.();
  const ts = require('typescript');
  const builder = ts.createSolutionBuilder(
    ts.createSolutionBuilderHost(ts.sys),
    [join(ROOT, 'tsconfig.build.json')],
    {},
  );
  return builder.getNextInvalidatedProject() !== undefined;
}

function buildIfChanged() {
  const state = treeState();
  const known = statSync(VERDICT, { throwIfNoEntry: false }) && readFileSync(VERDICT, 'utf8');
  if (known === state || !buildIsStale()) {
    if (known !== state) writeFileSync(VERDICT, state);
    process.stderr.write('standpoint: the build is up to date\n');
    return 0;
  }
  // Under npm (`npm start`), the npm that runs us; from a shell, the one on the PATH.
  const npm = process.env.npm_execpath;
  const build = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: ROOT, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: true });
  return build.status ?? 1;
}

process.exitCode = buildIfChanged();
