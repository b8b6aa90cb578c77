import { DomainError } from '@standpoint/errors';
import { activeUserActor } from '@standpoint/identity';
import { LineProblem, ListeningImportsService } from '@standpoint/proposals';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { count, terminalProgress } from './progress';
import { withApplication } from './with-application';

export interface ImportListeningOptions {
  proposal: string;
  as: string;
  preset?: string;
  mapping?: string;
  query?: string;
}

/**
 * `standpoint import listening --proposal <id> --as <email> <file> [--preset x | --mapping m.json]
 * [--query "…"]`: imports a listening export as evidence, added by that member with their rights
 * (the same service and checks as the upload route). Prints the evidence and its figures as JSON;
 * a refused file exits 1 with each bad line on standard error, and nothing written.
 */
export async function importListeningCommand(
  file: string,
  options: ImportListeningOptions,
): Promise<void> {
  statSync(file);
  const mapping = options.mapping === undefined ? undefined : readMapping(options.mapping);
  const stream = createReadStream(file);
  try {
    const answer = await withApplication(async (app, ctx) => {
      const actor = await activeUserActor(ctx, options.as);
      if (!actor) throw new Error(`no active user has the email "${options.as}"`);
      ctx.actor = actor;
      const progress = terminalProgress((rows) => `read ${count(rows)} rows`);
      let rowsRead = 0;
      const imported = await app.get(ListeningImportsService).import(ctx, {
        proposalId: options.proposal,
        file: stream,
        fileName: file,
        preset: options.preset,
        mapping,
        query: options.query,
        onProgress: (rows) => progress.update((rowsRead = rows)),
      });
      progress.end(rowsRead);
      return imported;
    });
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    process.stderr.write(`standpoint: ${error.message}\n`);
    for (const { line, message } of (error.details?.lines ?? []) as LineProblem[]) {
      process.stderr.write(`${file}: line ${line}: ${message}\n`);
    }
    process.exitCode = 1;
  } finally {
    stream.destroy();
  }
}

function readMapping(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`the mapping ${path} is not a JSON file: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
