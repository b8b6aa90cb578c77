import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { REPO_ROOT } from './processes';

/** Debian's chromium; `.ci/run` installs it when it is missing. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Where browser tests keep their screenshots (gitignored). */
export const ARTIFACTS_DIR = join(REPO_ROOT, 'test', 'artifacts');

/**
 * Starts headless chromium for a test: no sandbox (containers), nothing fetched in the background.
 * `hostRules` maps names to the test servers (`--host-resolver-rules`), so a page can be opened at
 * the very address an email links to. `secureOrigins` are treated as https (WebAuthn needs a
 * secure context) though the test servers speak http.
 */
export function launchBrowser(hostRules?: string, secureOrigins: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(hostRules ? [`--host-resolver-rules=${hostRules}`] : []),
      ...(secureOrigins.length > 0
        ? [`--unsafely-treat-insecure-origin-as-secure=${secureOrigins.join(',')}`]
        : []),
    ],
  });
}

/**
 * `describe` for tests that need a real browser. Without chromium they are skipped, and the run
 * says so and why: a browser test never passes by doing nothing.
 */
export function describeInBrowser(
  name: string,
  tests: () => void,
  chromiumPath = CHROMIUM_PATH,
): void {
  if (existsSync(chromiumPath)) {
    describe(name, tests);
    return;
  }
  // The skip must be seen in the run's output, not only in a count of skipped tests.
  // eslint-disable-next-line no-console
  console.warn(
    `Skipping the browser tests "${name}": ${chromiumPath} is missing (install Debian's chromium to run them).`,
  );
  describe.skip(name, tests);
}
