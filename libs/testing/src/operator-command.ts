import { runNode } from './processes';
import { TestApp } from './test-app';

/** What an operator's command printed, and its last JSON line parsed. */
export interface OperatorCommandResult {
  code: number | null;
  output: string;
  result: any;
}

/**
 * Runs `npx standpoint <args>` (the built CLI) as its own process on the test app's database,
 * with the app's signing and secrets keys.
 */
export async function operatorCommand(t: TestApp, args: string[]): Promise<OperatorCommandResult> {
  const { database, dataDir, auditSigningKeyPem, secretsKeys } = t.config;
  const cli = runNode('bin/standpoint.js', args, {
    ...(database.dialect === 'postgres'
      ? { DATABASE_URL: database.url }
      : { SQLITE_PATH: database.path }),
    DATA_DIR: dataDir,
    AUDIT_SIGNING_KEY: auditSigningKeyPem,
    SECRETS_KEY: secretsKeys.current,
    LOG_LEVEL: 'silent',
  });
  const exit = await cli.exited;
  const output = cli.output();
  const json = output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .at(-1);
  return { code: exit.code, output, result: json ? JSON.parse(json) : undefined };
}
