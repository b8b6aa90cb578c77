import { NestFactory } from '@nestjs/core';
import { CheckpointsService } from '@standpoint/audit';
import { configOrExit } from '@standpoint/config';
import { RequestContext } from '@standpoint/database';
import { DEMO_BRAND_SLUG, DemoSeeder, Role } from '@standpoint/identity';
import { DemoProposal } from '@standpoint/proposals';
import { DataSource } from 'typeorm';
import { CliModule } from './cli.module';

/** Creates the demo brand and prints each member's password, once. */
export async function seedDemoCommand(): Promise<void> {
  configOrExit();
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    const progress = (step: string) => process.stdout.write(`  ${step}\n`);
    const demo = await app.get(DemoSeeder).seed(progress);
    if (!demo) {
      process.stdout.write(
        `The demo brand "${DEMO_BRAND_SLUG}" exists already; its passwords were shown when it was made.\n`,
      );
      return;
    }
    const member = (role: Role) => {
      const account = demo.accounts.find((a) => a.role === role)!;
      return { userId: account.userId, email: account.email };
    };
    await app.get(DemoProposal).seed({
      brandId: demo.brandId,
      socialManager: member(Role.SOCIAL_MANAGER),
      contributor: member(Role.CONTRIBUTOR),
      reviewer: member(Role.REVIEWER),
    });
    progress('wrote a sample proposal with evidence, a risk note and a recommendation');
    // Sealed at once, as the worker would within CHECKPOINT_INTERVAL_MS: the chain verifies now.
    await app
      .get(CheckpointsService)
      .seal(RequestContext.system(app.get(DataSource)), demo.brandId);
    progress("signed a checkpoint of the demo brand's audit trail");
    process.stdout.write('\nDemo accounts (the passwords are shown only this once):\n');
    for (const account of demo.accounts) {
      process.stdout.write(
        `  ${account.role.padEnd(15)} ${account.email.padEnd(40)} ${account.password}\n`,
      );
    }
  } finally {
    await app.close();
  }
}
