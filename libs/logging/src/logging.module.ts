import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { withoutLinkSecrets } from './request-redaction';

const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Where the log lines go: null for standard output. A test provides a stream of its own to read
 * every line the production logger writes.
 */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

/**
 * Structured JSON logs (pino) carrying the request's correlation id. Credentials never reach a
 * line: authorization headers, cookies, passwords and tokens are redacted wherever they appear,
 * and so are the links' credentials in URLs (request-redaction.ts).
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG, LOG_DESTINATION],
      providers: [{ provide: LOG_DESTINATION, useValue: null }],
      useFactory: (config: AppConfig, destination: DestinationStream | null) => {
        const options: Options = {
          level: config.logLevel,
          genReqId: (request, response) => {
            const given = request.headers[CORRELATION_HEADER];
            const id =
              typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : randomUUID();
            response.setHeader(CORRELATION_HEADER, id);
            return id;
          },
          customProps: (request) => ({ correlationId: request.id }),
          serializers: { req: withoutLinkSecrets },
          redact: {
            paths: [
              'req.headers.authorization',
              'req.headers.cookie',
              'res.headers["set-cookie"]',
              '*.password',
              '*.token',
              '*.secret',
            ],
            censor: '[redacted]',
          },
          autoLogging: { ignore: (request) => request.url === '/health' },
        };
        return { pinoHttp: destination ? [options, destination] : options };
      },
    }),
  ],
})
export class LoggingModule {}
