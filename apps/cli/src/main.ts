import 'reflect-metadata';
import { Command } from 'commander';
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

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`standpoint: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
