import { JwtService } from '@nestjs/jwt';
import {
  errorCodes,
  freePort,
  provisionTestDatabase,
  runNode,
  testEnvironment,
  TestDatabase,
  useTestApp,
} from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const PRODUCTION = { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:2525' };

/** Production refuses the settings that would make it unsafe, and the tokens that never expire. */
describe('production settings', () => {
  describe('the built server', () => {
    // Each test starts a real process: slow on a loaded machine.
    jest.setTimeout(120_000);

    let db: TestDatabase;
    beforeEach(async () => {
      db = await provisionTestDatabase();
    });
    afterEach(() => db.drop());

    it('stops with exit code 1 and one line each for a missing AUDIT_SIGNING_KEY and WEBHOOKS_ALLOW_PRIVATE_TARGETS=true', async () => {
      const server = runNode('dist/src/main.js', [], {
        ...testEnvironment(db),
        ...PRODUCTION,
        AUDIT_SIGNING_KEY: '',
        WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
      });

      expect((await server.exited).code).toBe(1);
      const problems = server
        .output()
        .split('\n')
        .filter((line) => /^\s+\S/.test(line));
      expect(problems).toEqual([
        expect.stringMatching(/^\s+AUDIT_SIGNING_KEY is required when NODE_ENV=production/),
        expect.stringMatching(
          /^\s+WEBHOOKS_ALLOW_PRIVATE_TARGETS must be false when NODE_ENV=production/,
        ),
      ]);
    });

    it("starts in production with the harness's audit signing key", async () => {
      const port = await freePort();
      const server = runNode('dist/src/main.js', [], {
        ...testEnvironment(db),
        ...PRODUCTION,
        PORT: String(port),
      });
      try {
        const health = await server.healthy(`http://127.0.0.1:${port}`);
        expect(await health.json()).toEqual({ status: 'ok' });
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    });
  });

  describe('access tokens', () => {
    const app = useTestApp(AppModule, PRODUCTION);
    /** Signs claims as the server does, with its own secret and issuer. */
    const sign = (claims: Record<string, unknown>, expiresIn?: number) =>
      new JwtService({ secret: app.t.config.jwtSecret }).sign(claims, {
        algorithm: 'HS256',
        issuer: 'standpoint',
        ...(expiresIn ? { expiresIn } : {}),
      });
    let adminId: string;
    /** A real session of the admin's: only the claims under test differ. */
    let sid: string;

    beforeAll(async () => {
      const token = await app.fixtures.admin();
      const viewer = await app.data('{ viewer { id } }', {}, token);
      adminId = viewer.viewer.id;
      sid = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sid;
    });

    it('are refused without exp, even when signed with the right secret', async () => {
      const forever = sign({ sub: adminId, sid });
      expect(
        JSON.parse(Buffer.from(forever.split('.')[1], 'base64url').toString()),
      ).not.toHaveProperty('exp');

      const response = await app.gql('{ viewer { id } }', {}, forever);

      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    });

    it('are accepted with exp, signed the same way', async () => {
      const response = await app.gql('{ viewer { id } }', {}, sign({ sub: adminId, sid }, 60));

      expect(response.data).toEqual({ viewer: { id: adminId } });
    });
  });
});
