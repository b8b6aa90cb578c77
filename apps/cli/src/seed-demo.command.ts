import { NestFactory } from '@nestjs/core';
import { configOrExit } from '@standpoint/config';
import { DEMO_BRAND_SLUG, DemoSeeder } from '@standpoint/identity';
import { CliModule } from './cli.module';

/** Creates the demo brand and prints each member's password, once. */
export async function seedDemoCommand(): Promise<void> {
  configOrExit();
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    const accounts = await app.get(DemoSeeder).seed((step) => process.stdout.write(`  ${step}\n`));
    if (!accounts) {
      process.stdout.write(
        `The demo brand "${DEMO_BRAND_SLUG}" exists already; its passwords were shown when it was made.\n`,
      );
      return;
    }
    process.stdout.write('\nDemo accounts (the passwords are shown only this once):\n');
    for (const account of accounts) {
      process.stdout.write(
        `  ${account.role.padEnd(15)} ${account.email.padEnd(40)} ${account.password}\n`,
      );
    }
  } finally {
    await app.close();
  }
}
