import { Role } from '@standpoint/identity';
import {
  EvidenceEntity,
  EvidenceKind,
  evidenceModel,
  ListeningImportsService,
  ListeningSnapshotModel,
} from '@standpoint/proposals';
import { useTestServices } from '@standpoint/testing';
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CliModule } from '../../apps/cli/src/cli.module';
import { EvidenceService } from '../../libs/proposals/src/evidence.service';
import { ServiceFixtures } from './service-fixtures';

const SAMPLES = join(__dirname, '..', '..', 'samples', 'listening');

/**
 * ListeningImportsService on the real database: each preset's sample stored with the file it came
 * from, no byte read for a caller who may not add evidence, and a hand correction that keeps no
 * file facts. test/listening-imports.e2e-spec.ts holds the route and the command.
 */
describe('ListeningImportsService', () => {
  const s = useTestServices(CliModule);
  let contributor: string;
  let auditor: string;
  let proposalId: string;

  beforeAll(async () => {
    const f = new ServiceFixtures(s);
    const brandId = await f.brand();
    const manager = await f.member(brandId, [Role.SOCIAL_MANAGER]);
    contributor = await f.member(brandId, [Role.CONTRIBUTOR]);
    auditor = await f.member(brandId, [Role.AUDITOR]);
    proposalId = (await f.inReview(brandId, manager)).id;
  });

  const importAs = (userId: string, file: Readable, preset: string, query?: string) =>
    s.as(userId, (ctx) =>
      s.get(ListeningImportsService).import(ctx, {
        proposalId,
        file,
        fileName: `exports/${preset}.csv`,
        preset,
        query,
      }),
    );

  it.each([
    ['brandwatch', 'brandwatch-mentions.csv', 10, 10],
    ['talkwalker', 'talkwalker-results.csv', 8, 8],
    ['sprout-social', 'sprout-social-volume.csv', 7, 14_888],
    ['meltwater', 'meltwater-explore.csv', 9, 9],
  ])('stores the %s sample with the file it came from', async (preset, file, rows, mentions) => {
    const path = join(SAMPLES, file);
    const answer = await importAs(contributor, createReadStream(path), preset, 'Acme recall');
    const row = await s.asSystem((ctx) =>
      ctx.em.findOneByOrFail(EvidenceEntity, { id: answer.evidenceId }),
    );
    expect(row).toMatchObject({
      proposalId,
      kind: EvidenceKind.LISTENING_SNAPSHOT,
      importedFrom: preset.toUpperCase().replace('-', '_'),
      sourceFileName: `${preset}.csv`,
      sourceFileSha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
      rowsRead: rows,
      addedById: contributor,
      details: {
        query: 'Acme recall',
        mentionCount: mentions,
        positiveShare: answer.positiveShare,
        topTerms: answer.topTerms,
      },
    });
    const model = evidenceModel(row) as ListeningSnapshotModel;
    expect(model).toBeInstanceOf(ListeningSnapshotModel);
    expect(model.topTerms).toEqual(answer.topTerms);
    expect(model.periodStart).toEqual(new Date('2026-11-30T00:00:00Z'));
  });

  it('refuses, writing nothing, a query or a top term no GraphQL input could hold', async () => {
    const evidenceCount = () => s.asSystem((ctx) => ctx.em.countBy(EvidenceEntity, { proposalId }));
    const before = await evidenceCount();
    const sample = readFileSync(join(SAMPLES, 'brandwatch-mentions.csv'), 'utf8');
    await expect(
      importAs(contributor, Readable.from([sample]), 'brandwatch', 'Acme\u0000 recall'),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('The query must not contain U+0000'),
    });
    const withEscape = sample
      .replaceAll('#recall', '#re\u001bcall')
      .replaceAll('#Recall', '#Re\u001bcall');
    await expect(
      importAs(contributor, Readable.from([withEscape]), 'brandwatch', 'Acme recall'),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('must not contain U+001B'),
    });
    expect(await evidenceCount()).toBe(before);
  });

  it('reads no byte of the file for a member who may not add evidence', async () => {
    let read = false;
    const file = new Readable({
      read() {
        read = true;
        this.push(null);
      },
    });
    await expect(importAs(auditor, file, 'brandwatch')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(read).toBe(false);
  });

  it('keeps no file facts on a hand correction of an imported snapshot', async () => {
    const imported = await importAs(
      contributor,
      createReadStream(join(SAMPLES, 'brandwatch-mentions.csv')),
      'brandwatch',
    );
    const corrected = await s.as(contributor, (ctx) =>
      s.get(EvidenceService).correct(ctx, {
        evidenceId: imported.evidenceId,
        reason: 'Counted by hand, without the bots',
        summary: '8 mentions',
        listening: {
          query: 'Acme recall (global)',
          periodStart: new Date('2026-11-30T00:00:00Z'),
          periodEnd: new Date('2026-12-07T00:00:00Z'),
          mentionCount: 8,
          positiveShare: 0.5,
          neutralShare: 0.25,
          negativeShare: 0.25,
        },
      } as Parameters<EvidenceService['correct']>[1]),
    );
    expect(corrected).toMatchObject({
      topTerms: [],
      importedFrom: null,
      sourceFileName: null,
      sourceFileSha256: null,
      rowsRead: null,
    });
  });
});
