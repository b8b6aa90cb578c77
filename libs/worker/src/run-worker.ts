import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

/** Starts a worker process: no HTTP, the worker loop, a clean stop on SIGTERM. */
export async function runWorker(module: Type): Promise<void> {
  const app = await NestFactory.createApplicationContext(module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // process.exit (not a re-raised signal) lets pino flush the last lines, 'Worker stopped' among them.
  app.enableShutdownHooks([], { useProcessExit: true });
  await app.init();
}
