/**
 * Compares the committed schema.gql with the contract (../shared/contract/schema.graphql).
 *
 * - A contract element that is present with another type or shape fails.
 * - A contract element that is absent must be listed in tools/contract-pending.txt (the elements
 *   later issues build); absent and not listed fails, so nothing built can silently disappear.
 * - A listed element that now exists fails too, until it is taken off the list
 *   (`--prune` takes the built ones off; it never adds).
 */
import { ChangeType, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runTool } from './scratch-app';

const CONTRACT =
  process.env.CONTRACT_SCHEMA ?? join(REPO_ROOT, '..', 'shared', 'contract', 'schema.graphql');
const PENDING = join(REPO_ROOT, 'tools', 'contract-pending.txt');

const ABSENCE: ReadonlySet<string> = new Set([
  ChangeType.TypeRemoved,
  ChangeType.FieldRemoved,
  ChangeType.InputFieldRemoved,
  ChangeType.EnumValueRemoved,
  ChangeType.UnionMemberRemoved,
  ChangeType.ObjectTypeInterfaceRemoved,
  ChangeType.FieldArgumentRemoved,
  // Reported when the served schema has no subscription type at all yet.
  ChangeType.SchemaSubscriptionTypeChanged,
]);

runTool(async () => {
  if (!existsSync(CONTRACT))
    throw new Error(`the contract is not at ${CONTRACT} (set CONTRACT_SCHEMA)`);
  const contract = buildSchema(readFileSync(CONTRACT, 'utf8'));
  const served = buildSchema(readFileSync(join(REPO_ROOT, 'schema.gql'), 'utf8'));
  const breaking = (await diff(contract, served)).filter(
    (change) => change.criticality.level === CriticalityLevel.Breaking,
  );
  const pending = new Set(
    readFileSync(PENDING, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#')),
  );

  const absent = breaking.filter((change) => ABSENCE.has(change.type));
  const reshaped = breaking.filter((change) => !ABSENCE.has(change.type));
  const absentPaths = new Set(absent.map(pathOf));
  const lost = absent.filter((change) => !pending.has(pathOf(change)));
  const builtSince = [...pending].filter((path) => !absentPaths.has(path));

  if (process.argv.includes('--prune') && builtSince.length > 0) {
    const header = readFileSync(PENDING, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('#'));
    const kept = [...pending].filter((path) => absentPaths.has(path));
    writeFileSync(PENDING, [...header, ...kept, ''].join('\n'));
    process.stdout.write(
      `contract: took ${builtSince.length} built element(s) off the pending list\n`,
    );
    builtSince.length = 0;
  }
  for (const change of reshaped) report('present with another type or shape', change.message);
  for (const change of lost) report('missing, and not on the pending list', change.message);
  for (const path of builtSince) report('built now: take it off tools/contract-pending.txt', path);
  process.stdout.write(
    `contract: ${absent.length - lost.length} element(s) not built yet (tools/contract-pending.txt)\n`,
  );
  if (reshaped.length + lost.length + builtSince.length > 0) process.exit(1);
  process.stdout.write('contract: every built element matches the contract\n');
});

function pathOf(change: { path?: string; message: string }): string {
  return change.path ?? change.message;
}

function report(problem: string, what: string): void {
  process.stderr.write(`contract: ${problem}: ${what}\n`);
}
