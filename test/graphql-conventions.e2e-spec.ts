import { DomainError, RefusalCode } from '@standpoint/errors';
import { BrandsService } from '@standpoint/identity';
import { errorCodes, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

describe('GraphQL in production mode', () => {
  const app = useTestApp(AppModule, {
    NODE_ENV: 'production',
    // Production refuses to start without a mail server; nothing is sent in this test.
    SMTP_URL: 'smtp://127.0.0.1:2525',
  });
  let token: string;

  beforeAll(async () => {
    token = await app.fixtures.admin();
  });
  afterEach(() => jest.restoreAllMocks());

  it('refuses introspection', async () => {
    const response = await app.gql('{ __schema { types { name } } }', {}, token);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].message).toMatch(/introspection/i);
  });

  it('suggests no field names', async () => {
    const response = await app.gql('{ viewr { id } }', {}, token);
    expect(response.errors?.[0].message).not.toMatch(/did you mean/i);
  });

  it('answers an unexpected failure with INTERNAL_SERVER_ERROR and no detail or stack', async () => {
    jest
      .spyOn(app.t.app.get(BrandsService), 'visible')
      .mockRejectedValueOnce(new Error('secret connection detail'));
    const response = await app.gql('{ brands { id } }', {}, token);
    expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(JSON.stringify(response)).not.toMatch(/secret connection detail|stacktrace/);
  });

  describe('in a field resolver', () => {
    const membershipsQuery = '{ viewer { memberships { brand { id } } } }';
    let memberToken: string;

    beforeAll(async () => {
      const brand = await app.fixtures.brand();
      memberToken = (await app.fixtures.member(brand.id, ['REVIEWER'])).token;
    });

    it('keeps the code of a domain error', async () => {
      jest
        .spyOn(app.t.app.get(BrandsService), 'get')
        .mockRejectedValueOnce(new DomainError(RefusalCode.FORBIDDEN, 'not yours'));
      const response = await app.gql(membershipsQuery, {}, memberToken);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.errors?.[0].message).toBe('not yours');
    });

    it('answers an unexpected failure with INTERNAL_SERVER_ERROR and no detail', async () => {
      jest
        .spyOn(app.t.app.get(BrandsService), 'get')
        .mockRejectedValueOnce(new Error('secret connection detail'));
      const response = await app.gql(membershipsQuery, {}, memberToken);
      expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(JSON.stringify(response)).not.toMatch(/secret connection detail|stacktrace/);
    });
  });

  it('lets no cache keep an answer, nor an error', async () => {
    const answer = await app.gql('{ viewer { id } }', {}, token);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const refusal = await app.gql('{ viewer { id } }');
    expect(errorCodes(refusal)).toEqual(['UNAUTHENTICATED']);
    expect(refusal.headers.get('cache-control')).toBe('no-store');
  });

  it('serves no landing page that would load assets from elsewhere', async () => {
    const response = await fetch(`${app.t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/<script[^>]+src="https?:/);
  });
});

describe('GraphQL outside production', () => {
  const app = useTestApp(AppModule);

  it('echoes the correlation id given, or makes one', async () => {
    const given = await app.gql('{ viewer { id } }', {}, undefined, {
      'x-correlation-id': 'trace-42',
    });
    expect(given.headers.get('x-correlation-id')).toBe('trace-42');
    const made = await app.gql('{ viewer { id } }');
    expect(made.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows introspection for developers', async () => {
    const response = await app.gql<{ __type: { name: string } }>(
      '{ __type(name: "Brand") { name } }',
    );
    expect(response.data?.__type.name).toBe('Brand');
  });

  // Each union names its members in its own declaration (proposal-result.ts, decide-result.ts);
  // a member added or lost, by a declaration or by the order the features load in, fails here.
  it('serves each result union with its members, and the error codes of every feature', async () => {
    const response = await app.gql<{
      __schema: { types: { kind: string; name: string; possibleTypes: { name: string }[] }[] };
      __type: { enumValues: { name: string }[] };
    }>(
      `{ __schema { types { kind name possibleTypes { name } } }
         __type(name: "ErrorCode") { enumValues { name } } }`,
    );
    const unions = Object.fromEntries(
      response
        .data!.__schema.types.filter((type) => type.kind === 'UNION')
        .map((union) => [union.name, union.possibleTypes.map((member) => member.name).sort()]),
    );

    expect(unions).toEqual({
      DecideResult: [
        'AcknowledgementRequiredError',
        'AlreadyDecidedError',
        'Decision',
        'InvalidTransitionError',
        'NotAnApproverError',
        'PasskeyRefusedError',
        'PasskeyRequiredError',
        'SelfApprovalError',
        'StaleRevisionError',
      ],
      ProposalResult: [
        'ContentFreezeActiveError',
        'IncompleteProposalError',
        'InvalidTransitionError',
        'Proposal',
        'VersionConflictError',
      ],
    });
    expect(response.data!.__type.enumValues.map((value) => value.name).sort()).toEqual([
      'ACKNOWLEDGEMENT_REQUIRED',
      'ALREADY_DECIDED',
      'CONTENT_FREEZE_ACTIVE',
      'INCOMPLETE_PROPOSAL',
      'INVALID_TRANSITION',
      'NOT_AN_APPROVER',
      'PASSKEY_REFUSED',
      'PASSKEY_REQUIRED',
      'SELF_APPROVAL',
      'STALE_REVISION',
      'VERSION_CONFLICT',
    ]);
  });
});

describe('GET /health', () => {
  const app = useTestApp(AppModule);

  it('answers 200 while the database answers, and 503 once it does not', async () => {
    const healthy = await fetch(`${app.t.url}/health`);
    expect([healthy.status, await healthy.json()]).toEqual([200, { status: 'ok' }]);
    await app.t.dataSource.destroy();
    const down = await fetch(`${app.t.url}/health`);
    expect([down.status, await down.json()]).toEqual([503, { status: 'unavailable' }]);
  });
});
