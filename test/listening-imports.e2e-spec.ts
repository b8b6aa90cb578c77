import {
  EvidenceEntity,
  LISTENING_IMPORT_LIMITS,
  LISTENING_IMPORTS_PER_USER,
} from '@standpoint/proposals';
import { operatorCommand, TestBrand, TestMember, useTestApp } from '@standpoint/testing';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';

const SAMPLES = join(__dirname, '..', 'samples', 'listening');
const BRANDWATCH = readFileSync(join(SAMPLES, 'brandwatch-mentions.csv'));
const MELTWATER = readFileSync(join(SAMPLES, 'meltwater-explore.csv'));
const MALFORMED = Buffer.from(
  [
    'Date,Sentiment',
    '2026-12-01,positive',
    '2026-12-02,happy',
    '2026-12-31,neutral',
    'soon,negative',
  ].join('\n'),
);
const EVIDENCE = `query ($id: ID!) { proposal(id: $id) { evidence { id kind summary addedBy { email }
  ... on ListeningSnapshot { query periodStart periodEnd mentionCount positiveShare neutralShare negativeShare
    topTerms { term count } importedFrom sourceFileName sourceFileSha256 rowsRead } } } }`;

/** Listening exports imported as evidence: the upload route over HTTP, and the command line. */
describe('listening imports', () => {
  const app = useTestApp(AppModule);
  let brand: TestBrand;
  let manager: TestMember;
  let contributor: TestMember;
  let auditor: TestMember;
  let stranger: TestMember;
  let proposalId: string;

  beforeAll(async () => {
    const f = app.fixtures;
    brand = await f.brand();
    [manager, contributor, auditor] = [
      await f.member(brand.id, ['SOCIAL_MANAGER']),
      await f.member(brand.id, ['CONTRIBUTOR']),
      await f.member(brand.id, ['AUDITOR']),
    ];
    stranger = await f.member((await f.brand()).id, ['ADMIN', 'SOCIAL_MANAGER']);
    proposalId = (await f.proposal(brand.id, manager.token)).id;
  });

  const upload = (
    body: Buffer,
    params: Record<string, string>,
    token?: string,
    headers: Record<string, string> = {},
    id = proposalId,
  ) =>
    fetch(`${app.t.url}/proposals/${id}/listening-imports?${new URLSearchParams(params)}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'text/csv',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: new Uint8Array(body),
    });

  /** What a refused import must not have written: the proposal's evidence and the brand's chain. */
  const written = async () => ({
    evidence: await app.t.asSystem((ctx) => ctx.em.countBy(EvidenceEntity, { proposalId })),
    events: (await app.auditChain(brand.id)).length,
  });

  it('imports a Brandwatch export as a ListeningSnapshot, on record with the file it came from', async () => {
    const response = await upload(
      BRANDWATCH,
      { preset: 'brandwatch', fileName: 'brandwatch-mentions.csv' },
      contributor.token,
    );
    expect(response.status).toBe(201);
    const answer = await response.json();
    const sha256 = createHash('sha256').update(BRANDWATCH).digest('hex');
    // The Brandwatch sample's figures, as the answer and GraphQL both tell them.
    const FIGURES = {
      query: 'Acme recall (global)',
      periodStart: '2026-11-30T00:00:00.000Z',
      periodEnd: '2026-12-07T00:00:00.000Z',
      mentionCount: 10,
      positiveShare: 0.3,
      neutralShare: 0.3,
      negativeShare: 0.4,
    };
    expect(answer).toMatchObject({
      source: 'BRANDWATCH',
      fileName: 'brandwatch-mentions.csv',
      sourceFileSha256: sha256,
      rowsRead: 10,
      ...FIGURES,
    });

    const { proposal } = await app.data(EVIDENCE, { id: proposalId }, manager.token);
    expect(proposal.evidence.find((e: { id: string }) => e.id === answer.evidenceId)).toEqual({
      id: answer.evidenceId,
      kind: 'LISTENING_SNAPSHOT',
      summary:
        'Brandwatch export: 10 mentions of "Acme recall (global)" from 2026-11-30 to 2026-12-06: ' +
        '30% positive, 30% neutral, 40% negative',
      addedBy: { email: contributor.email },
      ...FIGURES,
      topTerms: [
        { term: '#recall', count: 6 },
        { term: '#acme', count: 5 },
        { term: '#fail', count: 1 },
      ],
      importedFrom: 'BRANDWATCH',
      sourceFileName: 'brandwatch-mentions.csv',
      sourceFileSha256: sha256,
      rowsRead: 10,
    });

    const event = (await app.auditChain(brand.id)).at(-1)!;
    expect(event).toMatchObject({ action: 'evidence.added', entityId: answer.evidenceId });
    expect(event.data).toMatchObject({
      proposalId,
      kind: 'LISTENING_SNAPSHOT',
      import: {
        source: 'BRANDWATCH',
        fileName: 'brandwatch-mentions.csv',
        fileSha256: sha256,
        bytes: BRANDWATCH.length,
        rowsRead: 10,
      },
      details: { query: 'Acme recall (global)', mentionCount: 10, topTerms: answer.topTerms },
    });
  });

  it('reads any other export with a column mapping, and takes the query it is given', async () => {
    const csv = Buffer.from('day;tone;n\n"03.12.2026";positive;"1.204"\n04.12.2026;negative;96\n');
    const mapping = {
      date: 'day',
      dateFormat: 'DMY',
      sentiment: 'tone',
      mentions: 'n',
      delimiter: ';',
    };
    const response = await upload(
      csv,
      { mapping: JSON.stringify(mapping), query: 'acme OR kettle' },
      contributor.token,
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      source: 'MAPPING',
      fileName: 'upload.csv',
      query: 'acme OR kettle',
      mentionCount: 1300,
      positive: 1204,
      negative: 96,
      periodStart: '2026-12-03T00:00:00.000Z',
      periodEnd: '2026-12-05T00:00:00.000Z',
    });
  });

  it('refuses a malformed file at its lines, and writes nothing', async () => {
    const before = await written();
    const response = await upload(MALFORMED, { preset: 'brandwatch' }, contributor.token);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT' }); // no header: Brandwatch's columns

    const mapped = await upload(
      MALFORMED,
      {
        mapping: JSON.stringify({ date: 'Date', dateFormat: 'ISO', sentiment: 'Sentiment' }),
        query: 'q',
      },
      contributor.token,
    );
    expect(mapped.status).toBe(400);
    expect(await mapped.json()).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'upload.csv has 2 bad rows; nothing was imported',
      badRowCount: 2,
      lines: [
        { line: 3, message: 'Sentiment "happy" is not positive, neutral or negative' },
        { line: 5, message: 'Date "soon" is not a ISO date' },
      ],
    });
    expect(await written()).toEqual(before);
  });

  it('refuses an export that names no query when none is given, and a bad mapping', async () => {
    const before = await written();
    const noQuery = await upload(MELTWATER, { preset: 'meltwater' }, contributor.token);
    expect(noQuery.status).toBe(400);
    expect((await noQuery.json()).message).toContain('Name the listening query');
    const badMapping = await upload(MELTWATER, { mapping: '{"date":"Date"}' }, contributor.token);
    expect(badMapping.status).toBe(400);
    expect((await badMapping.json()).message).toContain('mapping.dateFormat');
    const unknown = await upload(MELTWATER, { preset: 'hootsuite' }, contributor.token);
    expect((await unknown.json()).message).toBe(
      '"hootsuite" is not a preset: brandwatch, talkwalker, sprout-social, meltwater',
    );
    const notCsv = await upload(MELTWATER, { preset: 'meltwater' }, contributor.token, {
      'Content-Type': 'application/json',
    });
    expect(notCsv.status).toBe(400);
    expect(await written()).toEqual(before);
  });

  it('answers 401 without a valid bearer token, and reads no cookie', async () => {
    const before = await written();
    const none = await upload(BRANDWATCH, { preset: 'brandwatch' });
    expect(none.status).toBe(401);
    const forged = await upload(BRANDWATCH, { preset: 'brandwatch' }, 'not-a-token');
    expect(forged.status).toBe(401);
    const cookie = await upload(BRANDWATCH, { preset: 'brandwatch' }, undefined, {
      Cookie: `token=${contributor.token}; session=${contributor.token}`,
    });
    expect(cookie.status).toBe(401);
    expect(await written()).toEqual(before);
  });

  it('answers 403 to a member who may not add evidence, 404 to another brand and to no proposal', async () => {
    const before = await written();
    const auditorAnswer = await upload(BRANDWATCH, { preset: 'brandwatch' }, auditor.token);
    expect(auditorAnswer.status).toBe(403);
    const crossBrand = await upload(BRANDWATCH, { preset: 'brandwatch' }, stranger.token);
    expect(crossBrand.status).toBe(404);
    expect(await crossBrand.json()).toEqual({ code: 'NOT_FOUND', message: 'Proposal not found' });
    const missing = await upload(
      BRANDWATCH,
      { preset: 'brandwatch' },
      contributor.token,
      {},
      'prp_missing',
    );
    expect(missing.status).toBe(404);
    expect(await written()).toEqual(before);
  });

  it(`answers 413 to a body declared larger than ${LISTENING_IMPORT_LIMITS.maxBytes} bytes, before reading it`, async () => {
    const before = await written();
    const url = new URL(`${app.t.url}/proposals/${proposalId}/listening-imports?preset=brandwatch`);
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(url, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${contributor.token}`,
          'Content-Type': 'text/csv',
          'Content-Length': String(LISTENING_IMPORT_LIMITS.maxBytes + 1),
        },
      });
      request.on('response', (response) => {
        resolve(response.statusCode!);
        request.destroy();
      });
      request.on('error', reject);
      request.write(BRANDWATCH); // and never the rest
    });
    expect(status).toBe(413);
    expect(await written()).toEqual(before);
  });

  it(`refuses a member's imports past ${LISTENING_IMPORTS_PER_USER.points} in ten minutes`, async () => {
    const eager = await app.fixtures.member(brand.id, ['CONTRIBUTOR']);
    const notCsv = { 'Content-Type': 'text/plain' };
    for (let i = 0; i < LISTENING_IMPORTS_PER_USER.points; i++) {
      expect((await upload(BRANDWATCH, { preset: 'brandwatch' }, eager.token, notCsv)).status).toBe(
        400,
      );
    }
    const refused = await upload(BRANDWATCH, { preset: 'brandwatch' }, eager.token);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: expect.any(Number),
    });
    // Counted per member: the others import on.
    const other = await upload(BRANDWATCH, { preset: 'brandwatch' }, contributor.token);
    expect(other.status).toBe(201);
  });

  describe('npx standpoint import listening', () => {
    const command = (args: string[]) =>
      operatorCommand(app.t, ['import', 'listening', '--proposal', proposalId, ...args]);

    it('imports a file as the member it names, with their rights', async () => {
      const result = await command([
        join(SAMPLES, 'sprout-social-volume.csv'),
        '--preset',
        'sprout-social',
        '--as',
        contributor.email,
      ]);
      expect(result.code).toBe(0);
      expect(result.result).toMatchObject({
        source: 'SPROUT_SOCIAL',
        fileName: 'sprout-social-volume.csv',
        query: 'Acme recall',
        mentionCount: 14_888,
        rowsRead: 7,
      });
      const event = (await app.auditChain(brand.id)).at(-1)!;
      expect(event).toMatchObject({
        action: 'evidence.added',
        actorId: contributor.id,
        entityId: result.result.evidenceId,
      });
    });

    it('shows the rows read on a terminal', () => {
      // `script` gives the command a terminal (a pseudo-terminal) and copies what it shows.
      const { database, dataDir, auditSigningKeyPem } = app.t.config;
      const cli = [
        'node bin/standpoint.js import listening --proposal',
        proposalId,
        join(SAMPLES, 'talkwalker-results.csv'),
        '--preset talkwalker --as',
        contributor.email,
      ].join(' ');
      const onTerminal = spawnSync('script', ['-qec', cli, '/dev/null'], {
        cwd: join(__dirname, '..'),
        env: {
          PATH: process.env.PATH ?? '',
          ...(database.dialect === 'postgres'
            ? { DATABASE_URL: database.url }
            : { SQLITE_PATH: database.path }),
          DATA_DIR: dataDir,
          AUDIT_SIGNING_KEY: auditSigningKeyPem,
          LOG_LEVEL: 'silent',
        },
        encoding: 'utf8',
      });
      expect(onTerminal.status).toBe(0);
      expect(onTerminal.stdout).toMatch(/\rread 8 rows\r?\n/);
    });

    it('refuses a member who may not add evidence, someone of another brand, and an unknown email', async () => {
      const before = await written();
      const file = join(SAMPLES, 'talkwalker-results.csv');
      const asAuditor = await command([file, '--preset', 'talkwalker', '--as', auditor.email]);
      expect(asAuditor.code).toBe(1);
      expect(asAuditor.output).toMatch(/^standpoint: .*/m);
      const asStranger = await command([file, '--preset', 'talkwalker', '--as', stranger.email]);
      expect(asStranger.code).toBe(1);
      expect(asStranger.output).toContain('standpoint: Proposal not found');
      const nobody = await command([file, '--preset', 'talkwalker', '--as', 'nobody@example.test']);
      expect(nobody.code).toBe(1);
      expect(nobody.output).toContain('no active user has the email "nobody@example.test"');
      expect(await written()).toEqual(before);
    });

    it('tells each bad line of a malformed file and writes nothing', async () => {
      const before = await written();
      const file = join(app.t.config.dataDir, 'malformed.csv');
      const mapping = join(app.t.config.dataDir, 'mapping.json');
      writeFileSync(file, MALFORMED);
      writeFileSync(
        mapping,
        JSON.stringify({ date: 'Date', dateFormat: 'ISO', sentiment: 'Sentiment' }),
      );
      const result = await command([
        file,
        '--mapping',
        mapping,
        '--query',
        'q',
        '--as',
        contributor.email,
      ]);
      expect(result.code).toBe(1);
      expect(result.output).toContain(
        'standpoint: malformed.csv has 2 bad rows; nothing was imported',
      );
      expect(result.output).toContain(
        `${file}: line 3: Sentiment "happy" is not positive, neutral or negative`,
      );
      expect(result.output).toContain(`${file}: line 5: Date "soon" is not a ISO date`);
      expect(await written()).toEqual(before);
    });
  });
});
