import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, ConfigError, exitForConfigError } from '@standpoint/config';
import { Logger } from 'nestjs-pino';
import { configureHttp } from './http-setup';

/** Starts an HTTP process (the all-in-one server or an API instance) and stops it cleanly on SIGTERM. */
export async function serveApi(module: Type, config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // process.exit (not a re-raised signal) lets pino flush the last lines, 'Worker stopped' among them.
  app.enableShutdownHooks([], { useProcessExit: true });
  configureHttp(app, config);
  try {
    await app.listen(config.port);
  } catch (error) {
    // What the application checks of its settings as it starts (the trusted documents against the
    // schema) stops it as a bad variable does.
    if (error instanceof ConfigError) exitForConfigError(error);
    throw error;
  }
  app
    .get(Logger)
    .log(`Standpoint is listening on port ${config.port} (links use ${config.publicUrl})`);
  return app;
}
