// @ts-check
// The first half of `npm start`: builds only when a source changed since the last build (or there
// is none, as on a fresh clone), so an unchanged tree starts at once. TypeScript's build mode
// decides, as `tsc -b` does (the build's record against the sources' timestamps); the build itself
// is `npm run build`, the one definition of it. Plain JavaScript: it runs before anything is built.
// TypeScript's compiler is 9 MB of JavaScript: from Node's compile cache where there is one (22.1+).
/** @type {{ enableCompileCache?: () => unknown }} */ (
  require('node:module')
).enableCompileCache?.();
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const ts = require('typescript');

const ROOT = join(__dirname, '..');

/** Whether `tsc -b` would compile something (or update the build's timestamps) in `root`. */
function buildIsStale(root = ROOT) {
  const builder = ts.createSolutionBuilder(
    ts.createSolutionBuilderHost(ts.sys),
    [join(root, 'tsconfig.build.json')],
    {},
  );
  return builder.getNextInvalidatedProject() !== undefined;
}

function buildIfChanged() {
  if (!buildIsStale()) {
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
