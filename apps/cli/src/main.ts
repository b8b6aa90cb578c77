import 'reflect-metadata';
import { Command } from 'commander';
import { auditExportCommand, auditVerifyCommand, auditVerifyExportCommand } from './audit.command';
import { migrateCommand } from './migrate.command';
import { seedDemoCommand } from './seed-demo.command';

// The operator's command line: `npx standpoint <command>`. Output is for people; errors exit 1.
const program = new Command('standpoint')
  .description('Standpoint operator commands')
  .showHelpAfterError();

program
  .command('migrate')
  .description('apply the pending database migrations')
  .action(migrateCommand);
program
  .command('seed-demo')
  .description('create a demo brand with one member of every role and print their passwords once')
  .action(seedDemoCommand);

const audit = program.command('audit').description('read and prove the audit trail');
audit
  .command('verify')
  .description("check a brand's audit chain in the database")
  .requiredOption('--brand <slug>', 'the brand')
  .action(auditVerifyCommand);
audit
  .command('export')
  .description("write a brand's audit chain, oldest first")
  .requiredOption('--brand <slug>', 'the brand')
  .option('--format <format>', 'ndjson (verifiable) or csv', 'ndjson')
  .option('--output <file>', 'a file instead of standard output')
  .action(auditExportCommand);
audit
  .command('verify-export <file>')
  .description('verify an NDJSON export with no database; says the first line that breaks')
  .option(
    '--public-key <file or URL>',
    'check the closing checkpoint against this public key (PEM, or what GET /audit/public-key serves) instead of the one in the export',
  )
  .action(auditVerifyExportCommand);

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`standpoint: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
