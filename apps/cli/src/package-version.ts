import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder of Standpoint's package.json, found above this file (in the sources or in dist/). */
export function packageRoot(): string {
  return standpointPackage().dir;
}

/** The version in Standpoint's package.json. */
export function packageVersion(): string {
  return standpointPackage().version;
}

function standpointPackage(): { dir: string; version: string } {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (manifest.name === 'standpoint' && manifest.version)
      return { dir, version: manifest.version };
  }
  throw new Error("standpoint's package.json is not above the command line's files");
}
