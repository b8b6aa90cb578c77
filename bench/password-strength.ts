/**
 * What judging passwords costs a process: the time and heap of building zxcvbn with its
 * dictionaries (on the first password judged), and the time of each judgement after that, for
 * typical passwords and for random ones of 8 to 200 characters (the longest judgement is the time
 * the event loop is held).
 *
 *   npm run build && node --expose-gc dist/bench/password-strength.js
 */
import { PasswordStrength } from '@standpoint/identity';
import { randomBytes } from 'node:crypto';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run it with node --expose-gc');

const ms = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
const about = {
  name: 'Noor Haddad',
  email: 'noor@harbour.example',
  brandNames: ['Harbour Coffee'],
};

gc();
const before = process.memoryUsage();
const strength = new PasswordStrength();
let started = process.hrtime.bigint();
strength.problem('the first judgement builds the dictionaries', {});
const firstMs = ms(started);
gc();
const after = process.memoryUsage();

const typical = [
  'password12',
  'aaaaaaaaaaaa',
  'copper lantern orchard 1977 drift',
  'Harbour Coffee',
];
const random = Array.from({ length: 200 }, (_, i) =>
  randomBytes(200)
    .toString('base64url')
    .slice(0, 8 + (i % 193)),
);
const times = [...typical, ...random].map((password) => {
  started = process.hrtime.bigint();
  strength.problem(password, about);
  return ms(started);
});
const sorted = [...times].sort((a, b) => a - b);

process.stdout.write(
  `${JSON.stringify(
    {
      firstJudgementMs: Math.round(firstMs),
      heapMB: +((after.heapUsed - before.heapUsed) / 1e6).toFixed(1),
      rssMB: +((after.rss - before.rss) / 1e6).toFixed(1),
      typicalMs: Object.fromEntries(typical.map((p, i) => [p, +times[i].toFixed(1)])),
      medianMs: +sorted[Math.floor(sorted.length / 2)].toFixed(1),
      longestMs: +sorted[sorted.length - 1].toFixed(1),
    },
    null,
    2,
  )}\n`,
);
