import { RequestContext } from '@standpoint/database';
import { LeafRange, leafHash, nodeHash, PerfectNode, rangeRoot, splitPoint } from './rules';
import { AuditTreeNodeEntity } from './audit-tree-node.entity';
import { eventRange } from './event-range';
import { storedLink } from './stored-link';

/**
 * Subtrees of 16 events and more are stored as the checkpoints seal them; smaller ones are
 * recomputed from their events when a proof needs them: a proof then reads a few dozen rows,
 * and the store holds about one node per eight events.
 */
export const STORED_FROM_LEVEL = 4;
const STORED_SIZE = 2 ** STORED_FROM_LEVEL;
const INSERT_CHUNK = 200;

/** How a range's hash is obtained: a stored node, a few events hashed, or two halves joined. */
type Plan =
  | { node: { level: number; position: number } }
  | { leaves: LeafRange }
  | { left: Plan; right: Plan };

function planOf(start: number, end: number): Plan {
  const size = end - start;
  if (size >= STORED_SIZE && (size & (size - 1)) === 0 && start % size === 0)
    return { node: { level: Math.log2(size), position: start / size } };
  // RFC 9162 splits keep a range of at most 16 leaves inside one aligned block of 16.
  if (size <= STORED_SIZE) return { leaves: [start, end] };
  const mid = start + splitPoint(size);
  return { left: planOf(start, mid), right: planOf(mid, end) };
}

/** Writes the perfect subtrees a checkpoint completed; two workers writing the same ones agree. */
export async function storeTreeNodes(
  ctx: RequestContext,
  brandId: string,
  nodes: readonly PerfectNode[],
): Promise<void> {
  const stored = nodes.filter((node) => node.level >= STORED_FROM_LEVEL);
  for (let i = 0; i < stored.length; i += INSERT_CHUNK)
    await ctx.em
      .createQueryBuilder()
      .insert()
      .into(AuditTreeNodeEntity)
      .values(
        stored.slice(i, i + INSERT_CHUNK).map(({ level, index, hash }) => ({
          brandId,
          level,
          position: index,
          hash: hash.toString('base64'),
        })),
      )
      .orIgnore()
      .updateEntity(false)
      .execute();
}

/**
 * The hashes of these ranges of the brand's tree, in order, from the stored nodes and the few
 * events below them: what an inclusion or consistency proof is made of. Throws if a node the
 * checkpoints should have stored is missing.
 */
export async function treeHashes(
  ctx: RequestContext,
  brandId: string,
  ranges: readonly LeafRange[],
): Promise<Buffer[]> {
  const plans = ranges.map(([start, end]) => planOf(start, end));
  const nodes = new Map<string, Buffer>();
  const leaves = new Map<number, Buffer>();
  const wantedNodes: { level: number; position: number }[] = [];
  const wantedLeaves: LeafRange[] = [];
  const collect = (plan: Plan): void => {
    if ('node' in plan) wantedNodes.push(plan.node);
    else if ('leaves' in plan) wantedLeaves.push(plan.leaves);
    else [plan.left, plan.right].forEach(collect);
  };
  plans.forEach(collect);
  for (const row of await nodeRows(ctx, brandId, wantedNodes))
    nodes.set(`${row.level}:${row.position}`, Buffer.from(row.hash, 'base64'));
  for (const [start, end] of wantedLeaves)
    for (const row of await eventRange(ctx.em, brandId, start + 1, end))
      leaves.set(row.seq - 1, leafHash(storedLink(row).canonical));
  const hashOf = (plan: Plan): Buffer => {
    if ('node' in plan) {
      const hash = nodes.get(`${plan.node.level}:${plan.node.position}`);
      if (!hash)
        throw new Error(
          `the audit tree of brand ${brandId} lacks the node ${plan.node.level}:${plan.node.position}`,
        );
      return hash;
    }
    if ('leaves' in plan) {
      const [start, end] = plan.leaves;
      const hashes = Array.from({ length: end - start }, (_, i) => leaves.get(start + i));
      if (hashes.some((hash) => !hash))
        throw new Error(`the audit chain of brand ${brandId} lacks events ${start + 1}–${end}`);
      return rangeRoot(hashes as Buffer[]);
    }
    return nodeHash(hashOf(plan.left), hashOf(plan.right));
  };
  return plans.map(hashOf);
}

async function nodeRows(
  ctx: RequestContext,
  brandId: string,
  wanted: readonly { level: number; position: number }[],
): Promise<AuditTreeNodeEntity[]> {
  if (wanted.length === 0) return [];
  const query = ctx.em
    .createQueryBuilder(AuditTreeNodeEntity, 'n')
    .where('n.brandId = :brandId', { brandId });
  const byLevel = new Map<number, number[]>();
  for (const { level, position } of wanted)
    byLevel.set(level, [...(byLevel.get(level) ?? []), position]);
  const conditions = [...byLevel.keys()].map(
    (level) => `(n.level = ${level} AND n.position IN (:...p${level}))`,
  );
  const parameters = Object.fromEntries(
    [...byLevel].map(([level, positions]) => [`p${level}`, positions]),
  );
  return query.andWhere(`(${conditions.join(' OR ')})`, parameters).getMany();
}
