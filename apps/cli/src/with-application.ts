import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configOrExit } from '@standpoint/config';
import { RequestContext } from '@standpoint/database';
import { DataSource } from 'typeorm';
import { CliModule } from './cli.module';

/** Runs `work` in the command-line application. */
export async function withApplication<T>(
  work: (app: INestApplicationContext, ctx: RequestContext) => Promise<T>,
): Promise<T> {
  configOrExit();
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    return await work(app, RequestContext.system(app.get(DataSource)));
  } finally {
    await app.close();
  }
}
