import { runNode } from '@standpoint/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const VERSION = (
  JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }
).version;

/** The command line as an operator meets it first: help, version, and a mistyped command. */
describe('npx standpoint', () => {
  const run = async (args: string[]) => {
    // No database and no configuration: none of these may need them.
    const cli = runNode('bin/standpoint.js', args, {});
    return { code: (await cli.exited).code, output: cli.output() };
  };

  it('alone prints its help, with every command and the exit codes, and exits 0', async () => {
    const { code, output } = await run([]);
    expect(code).toBe(0);
    expect(output).toMatch(/^Usage: standpoint \[options\] \[command\]/);
    for (const command of ['migrate', 'seed-demo', 'audit', 'import', 'trusted-documents'])
      expect(output).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(output).toContain('Exit codes:');
    expect(output).toMatch(/^ {2}2 {2}the command line is wrong/m);
  });

  it.each([['--help'], ['-h']])('answers %s with the same help, exit 0', async (flag) => {
    const { code, output } = await run([flag]);
    expect(code).toBe(0);
    expect(output).toContain('Exit codes:');
  });

  it.each([['--version'], ['-v']])("answers %s with package.json's version", async (flag) => {
    const { code, output } = await run([flag]);
    expect(code).toBe(0);
    expect(output.trim()).toBe(VERSION);
  });

  it('refuses an unknown command with exit 2 and shows the help', async () => {
    const { code, output } = await run(['frobnicate']);
    expect(code).toBe(2);
    expect(output).toContain("error: unknown command 'frobnicate'");
    expect(output).toContain('Usage: standpoint');
  });

  it('refuses a missing option with exit 2, before it starts anything', async () => {
    const { code, output } = await run(['audit', 'verify']);
    expect(code).toBe(2);
    expect(output).toContain("required option '--brand <slug>' not specified");
  });

  it('says what failed, with exit 1, when the command itself fails', async () => {
    const { code, output } = await run(['audit', 'verify-export', '/nonexistent/export.ndjson']);
    expect(code).toBe(1);
    expect(output).toMatch(/^standpoint: .*no such file or directory/m);
  });
});
