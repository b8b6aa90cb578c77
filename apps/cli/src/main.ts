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
  .description("check a brand's audit chain in the database against its signed checkpoints")
  .requiredOption('--brand <slug>', 'the brand')
  .option(
    '--witness-file <file>',
    'signed checkpoints an outside witness kept, to catch a roll-back or a fork',
  )
  .action(async (options) => (await import('./audit.command')).auditVerifyCommand(options));
audit
  .command('export')
  .description("write a brand's audit chain, oldest first")
  .requiredOption('--brand <slug>', 'the brand')
  .option('--format <format>', 'ndjson (verifiable) or csv', 'ndjson')
  .option('--output <file>', 'a file instead of standard output')
  .action(async (options) => (await import('./audit.command')).auditExportCommand(options));
audit
  .command('seal')
  .description("sign a checkpoint of a brand's audit chain now, as the worker does when it is due")
  .requiredOption('--brand <slug>', 'the brand')
  .option(
    '--accept-unsealed-history',
    'sign even a chain days old that has no checkpoint at all (its checkpoints were removed): you vouch for what the database holds',
  )
  .action(async (options) => (await import('./audit.command')).auditSealCommand(options));
audit
  .command('prove')
  .description('write the proof file of one audit event, to check offline with verify-proof')
  .requiredOption(
    '--event <id>',
    'the audit event (its id, as auditEvents and the decision record show it)',
  )
  .option('--output <file>', 'a new file instead of standard output')
  .action(async (options) => (await import('./audit.command')).auditProveCommand(options));
audit
  .command('prove-consistency')
  .description("write the proof that a brand's log today extends a checkpoint you kept")
  .requiredOption('--brand <slug>', 'the brand')
  .requiredOption('--checkpoint <file>', 'the signed checkpoint note you kept')
  .option('--output <file>', 'a new file instead of standard output')
  .action(async (options) =>
    (await import('./audit.command')).auditProveConsistencyCommand(options),
  );
withTrustFlags(
  audit
    .command('verify-export <file>')
    .description('verify an NDJSON export with no database; says the first line that breaks'),
)
  .option(
    '--witness-file <file>',
    'signed checkpoints an outside witness kept, to catch a roll-back or a fork',
  )
  .action(async (file, options) =>
    (await import('./verify-export.command')).auditVerifyExportCommand(file, options),
  );
withTrustFlags(
  audit
    .command('verify-proof <file>')
    .description(
      'verify a proof file of `audit prove` or `audit prove-consistency` with no database',
    ),
).action(async (file, options) =>
  (await import('./verify-proof.command')).auditVerifyProofCommand(file, options),
);
const imports = program.command('import').description('bring outside data in, as evidence');
imports
  .command('listening <file>')
  .description(
    "import a listening tool's CSV export into a proposal as a ListeningSnapshot evidence (docs/listening-imports.md)",
  )
  .requiredOption('--proposal <id>', 'the proposal the evidence is for')
  .requiredOption(
    '--as <email>',
    'the member who adds it: the import has exactly their rights, and is on record as theirs',
  )
  .option(
    '--preset <name>',
    'the tool that exported it: brandwatch, talkwalker, sprout-social, meltwater',
  )
  .option(
    '--mapping <file.json>',
    'for any other export: which column says what (instead of --preset)',
  )
  .option('--query <text>', "the listening query (default: the one the file's report lines name)")
  .action(async (file, options) =>
    (await import('./import-listening.command')).importListeningCommand(file, options),
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

/**
 * The reader's trust in the key that signed a file: without one of these, a file that verifies
 * only with the key it carries exits 2 (it proves integrity, not origin).
 */
function withTrustFlags(command: Command): Command {
  return command
    .option(
      '--public-key <file or URL>',
      'trust these public keys (PEM, or what GET /audit/public-key serves), not those in the file',
    )
    .option(
      '--key-fingerprint <sha256:hex>',
      'trust a key carried in the file with this id (repeatable)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option(
      '--accept-untrusted-key',
      'exit 0 even when only the key carried in the file vouches for it',
    );
}

if (process.argv.length <= 2) {
  // No command at all: the help is the answer, not an error.
  program.outputHelp();
} else {
  program.parseAsync().catch((error: unknown) => {
    process.stderr.write(`standpoint: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
