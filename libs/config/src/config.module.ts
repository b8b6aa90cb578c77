import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from './app-config';
import { configFromEnvironment } from './load-app-config';

/** Provides the AppConfig read from the process environment, the one place that reads it. */
@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: configFromEnvironment }],
  exports: [APP_CONFIG],
})
export class ConfigModule {}
