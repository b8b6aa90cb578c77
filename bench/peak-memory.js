// Preloaded with `node --require` into a measured process: reports its peak resident memory on exit.
const { writeSync } = require('node:fs');

process.on('exit', () => {
  writeSync(2, `\npeak-rss-kib ${process.resourceUsage().maxRSS}\n`);
});
