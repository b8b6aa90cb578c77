import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { packageVersion } from './package-version';

// The operator's command line: `npx standpoint <command>`. Output is for people, progress goes to
// a terminal only, and the exit code says how it went (EXIT_CODES). Each command loads its module
// when it runs, so help, --version and the commands that need no application answer at once.

const EXIT_CODES = `
Exit codes:
  0  done
  1  the command failed, or what it checked is broken (audit verify, audit verify-export)
  2  the command line is wrong (an unknown command or option, a missing argument)`;

const program = new Command('standpoint')
  .description('Standpoint operator commands')
  .version(packageVersion(), '-v, --version', 'print the version')
  .helpOption('-h, --help', 'print this help')
  .addHelpText('after', EXIT_CODES)
  .showHelpAfterError()
  // Settings that subcommands inherit: set before they are added.
  .exitOverride((error: CommanderError) => process.exit(error.exitCode === 0 ? 0 : 2));

program
  .command('migrate')
  .description('apply the pending database migrations')
  .action(async () => (await import('./migrate.command')).migrateCommand());
program
  .command('seed-demo')
  .description('create a demo brand with one member of every role and print their passwords once')
  .action(async () => (await import('./seed-demo.command')).seedDemoCommand());

program
  .command('backup')
  .description('copy the SQLite database consistently, while the server runs (PostgreSQL: pg_dump)')
  .requiredOption('--output <file>', 'the backup file to write (it must not exist)')
  .action(async (options) => (await import('./backup.command')).backupCommand(options));

const audit = program.command('audit').description('read and prove the audit trail');
audit
  .command('verify')
  .description("check a brand's audit chain in the database")
  .requiredOption('--brand <slug>', 'the brand')
  .action(async (options) => (await import('./audit.command')).auditVerifyCommand(options));
audit
  .command('export')
  .description("write a brand's audit chain, oldest first")
  .requiredOption('--brand <slug>', 'the brand')
  .option('--format <format>', 'ndjson (verifiable) or csv', 'ndjson')
  .option('--output <file>', 'a file instead of standard output')
  .action(async (options) => (await import('./audit.command')).auditExportCommand(options));
audit
  .command('verify-export <file>')
  .description('verify an NDJSON export with no database; says the first line that breaks')
  .option(
    '--public-key <file or URL>',
    'check the closing checkpoint against this public key (PEM, or what GET /audit/public-key serves) instead of the one in the export',
  )
  .action(async (file, options) =>
    (await import('./verify-export.command')).auditVerifyExportCommand(file, options),
  );
program
  .command('trusted-documents <paths...>')
  .description(
    "write the manifest of GRAPHQL_TRUSTED_DOCUMENTS from a client's .graphql files (paths: files or directories), one document per operation",
  )
  .option('--output <file>', 'a file instead of standard output')
  .action(async (sources, options) =>
    (await import('./trusted-documents.command')).trustedDocumentsCommand(sources, options),
  );

if (process.argv.length <= 2) {
  // No command at all: the help is the answer, not an error.
  program.outputHelp();
} else {
  program.parseAsync().catch((error: unknown) => {
    process.stderr.write(`standpoint: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
