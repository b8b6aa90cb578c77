#!/usr/bin/env node
// `npx standpoint <command>`: the operator's command line, compiled by `npm install` (prepare).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const entry = join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('standpoint: not built yet; run `npm install` (or `npm run build`) first\n');
  process.exit(1);
}
require(entry);
