/**
 * One step of the audit bench, in a process of its own so that its peak memory is its own
 * (bench/peak-memory.js reports it). It does what the command does, in the same application, and
 * times the work alone, not the start of the application:
 *
 *   verify <brand slug>           standpoint audit verify --brand <slug>
 *   export <brand slug> <file>    standpoint audit export --brand <slug> --output <file>
 *   verify-export <file>          standpoint audit verify-export <file>
 *   seal <brand slug>             standpoint audit seal --brand <slug> (the chain since its last checkpoint)
 *   prove <brand slug> <count>    `count` proofs of events spread over the chain, as audit prove
 *                                 writes them; then each verified offline, timed apart
 *
 * Prints { events, valid, seconds, cpuSeconds } as JSON: the time, and the processor time of this
 * process (its share of a busy machine's cores; the database's is not in it).
 */
import {
  AuditEventEntity,
  AuditExportService,
  AuditKeyRing,
  AuditProofsService,
  chainHeadSeq,
  CheckpointsService,
  verifyExport,
  verifyProofFile,
} from '@standpoint/audit';
import { In } from 'typeorm';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { withBrand, writeExport } from '../../apps/cli/src/audit.command';

export interface StepResult {
  events: number;
  valid: boolean;
  seconds: number;
  cpuSeconds: number;
  /** The prove step's offline verification of the proofs it made. */
  verifySeconds?: number;
}

async function timed(
  work: () => Promise<Omit<StepResult, 'seconds' | 'cpuSeconds'>>,
): Promise<StepResult> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = await work();
  const { user, system } = process.cpuUsage(cpu);
  return {
    ...result,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpuSeconds: (user + system) / 1e6,
  };
}

const steps: Record<string, (args: string[]) => Promise<StepResult>> = {
  verify: ([slug]) =>
    withBrand(slug, (app, ctx, brand) =>
      timed(async () => {
        const result = await app.get(AuditExportService).verify(ctx, brand.id);
        return { events: result.checkedEvents, valid: result.valid };
      }),
    ),
  export: ([slug, file]) =>
    withBrand(slug, (app, ctx, brand) =>
      timed(async () => {
        const out = createWriteStream(file);
        const lines = app.get(AuditExportService).lines(ctx, brand, 'ndjson', new Date());
        let events = 0;
        await writeExport(
          eventsCounted(lines, () => events++),
          out,
        );
        out.end();
        await once(out, 'finish');
        return { events, valid: true };
      }),
    ),
  seal: ([slug]) =>
    withBrand(slug, (app, ctx, brand) =>
      timed(async () => {
        const checkpoint = await app.get(CheckpointsService).seal(ctx, brand.id);
        return { events: checkpoint?.size ?? 0, valid: checkpoint !== null };
      }),
    ),
  prove: async ([slug, count]) => {
    let files: string[] = [];
    let trustedKeys: AuditKeyRing | undefined;
    const made = await withBrand(slug, async (app, ctx, brand) => {
      const proofs = app.get(AuditProofsService);
      trustedKeys = app.get(CheckpointsService).ring;
      const head = await chainHeadSeq(ctx.em, brand.id);
      const seqs = Array.from({ length: Number(count) }, (_, i) => 1 + ((i * 7_919) % head));
      const events = await ctx.em.findBy(AuditEventEntity, { brandId: brand.id, seq: In(seqs) });
      return timed(async () => {
        files = [];
        for (const event of events) files.push((await proofs.inclusion(ctx, event)).file);
        return { events: files.length, valid: true };
      });
    });
    const verified = await timed(async () => ({
      events: files.length,
      valid: files.every((file) => verifyProofFile(file, { trustedKeys }).valid),
    }));
    return { ...made, valid: verified.valid, verifySeconds: verified.seconds };
  },
  'verify-export': ([file]) =>
    timed(async () => {
      const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
      const result = await verifyExport(lines);
      return { events: result.checkedEvents, valid: result.valid };
    }),
};

/** The lines passed on, each event line (not the header or a checkpoint) told to `counted`. */
async function* eventsCounted(
  lines: AsyncIterable<string>,
  counted: () => void,
): AsyncGenerator<string> {
  for await (const line of lines) {
    if (line.startsWith('{"action"')) counted();
    yield line;
  }
}

async function main() {
  const [step, ...args] = process.argv.slice(2);
  if (!steps[step]) throw new Error(`no step "${step}": ${Object.keys(steps).join(', ')}`);
  process.stdout.write(`${JSON.stringify(await steps[step](args))}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
