import { AuditEventEntity } from '@standpoint/audit';
import { loadAppConfig } from '@standpoint/config';
import { dataSourceOptions } from '@standpoint/database';
import { DataSource } from 'typeorm';
import { DecisionEntity } from '../../libs/approvals/src/decision.entity';
// The harness's process runner only: its index also holds Jest's hooks.
import { runNode } from '../../libs/testing/src/processes';

/** What a run of decisions left behind, and whether that is what it should have. */
export interface DecidedChain {
  decisions: number;
  decisionEvents: number;
  /** `standpoint audit verify` found the brand's chain whole. */
  chainVerified: boolean;
  /** Why the run is not right; empty when it is. */
  problems: string[];
}

/**
 * After `expected` approvals on the brand: that many decisions stored, that many
 * `decision.recorded` events in its audit chain, and the chain verified by the command line as an
 * operator would verify it. `env` points at the database.
 */
export async function decidedChain(
  env: Record<string, string>,
  brand: { id: string; slug: string },
  expected: number,
): Promise<DecidedChain> {
  const dataSource = await new DataSource({
    ...dataSourceOptions(loadAppConfig(env).database),
    entities: [DecisionEntity, AuditEventEntity],
  }).initialize();
  let decisions: number;
  let decisionEvents: number;
  try {
    decisions = await dataSource.getRepository(DecisionEntity).countBy({ brandId: brand.id });
    decisionEvents = await dataSource
      .getRepository(AuditEventEntity)
      .countBy({ brandId: brand.id, action: 'decision.recorded' });
  } finally {
    await dataSource.destroy();
  }
  const verify = runNode('bin/standpoint.js', ['audit', 'verify', '--brand', brand.slug], env);
  const { code } = await verify.exited;
  const chainVerified = code === 0 && /"valid":true/.test(verify.output());
  const problems = [
    ...(decisions === expected ? [] : [`${decisions} decisions stored, not ${expected}`]),
    ...(decisionEvents === expected ? [] : [`${decisionEvents} decision events, not ${expected}`]),
    ...(chainVerified ? [] : [`the audit chain does not verify: ${verify.output().trim()}`]),
  ];
  return { decisions, decisionEvents, chainVerified, problems };
}
