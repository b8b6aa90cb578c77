/**
 * One step of the audit bench, in a process of its own so that its peak memory is its own
 * (bench/peak-memory.js reports it). It does what the command does, in the same application, and
 * times the work alone, not the start of the application:
 *
 *   verify <brand slug>           standpoint audit verify --brand <slug>
 *   export <brand slug> <file>    standpoint audit export --brand <slug> --output <file>
 *   verify-export <file>          standpoint audit verify-export <file>
 *
 * Prints { events, valid, seconds, cpuSeconds } as JSON: the time, and the processor time of this
 * process (its share of a busy machine's cores; the database's is not in it).
 */
import { AuditExportService, verifyExport } from '@standpoint/audit';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { withBrand, writeExport } from '../../apps/cli/src/audit.command';

export interface StepResult {
  events: number;
  valid: boolean;
  seconds: number;
  cpuSeconds: number;
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
        const written = await writeExport(lines, out);
        out.end();
        await once(out, 'finish');
        return { events: written - 2, valid: true }; // less the header and the checkpoint
      }),
    ),
  'verify-export': ([file]) =>
    timed(async () => {
      const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
      const result = await verifyExport(lines);
      return { events: result.checkedEvents, valid: result.valid };
    }),
};

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
