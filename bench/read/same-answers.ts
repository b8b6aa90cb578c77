import { post } from './load-round';

/** What a server answered the page query with, and the statements it says it sent. */
export interface PageAnswer {
  /** The `data` member exactly as sent (parsed and written again, which keeps order and bytes). */
  data: string;
  statements: number | undefined;
}

/** The answer of a server to `body`; throws on any error, so that no failure is timed. */
export async function pageAnswer(url: string, body: string, token: string): Promise<PageAnswer> {
  const answer = await post(url, body, token);
  const parsed = JSON.parse(answer.text) as { data?: unknown; errors?: unknown };
  if (answer.status !== 200 || parsed.errors || !parsed.data)
    throw new Error(`${url} answered ${answer.status}: ${answer.text.slice(0, 1000)}`);
  const statements = answer.headers['x-sql-statements'];
  return {
    data: JSON.stringify(parsed.data),
    statements: statements === undefined ? undefined : Number(statements),
  };
}

/**
 * Fails loudly unless both answers hold the same data, byte for byte (Standpoint's answer also
 * carries `extensions.cost`, which the baseline does not compute).
 */
export function assertSameData(standpoint: PageAnswer, baseline: PageAnswer, what: string): void {
  if (standpoint.data === baseline.data) return;
  const at = [...standpoint.data].findIndex((char, i) => char !== baseline.data[i]);
  throw new Error(
    `the read bench's servers answer ${what} differently, from character ${at}:\n` +
      `  Standpoint: …${standpoint.data.slice(Math.max(0, at - 80), at + 120)}\n` +
      `  baseline:   …${baseline.data.slice(Math.max(0, at - 80), at + 120)}`,
  );
}
