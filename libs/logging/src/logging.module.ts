import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';

const CORRELATION_HEADER = 'x-correlation-id';

/** The secret of a decision link is its path (`/decide/<token>`): logged requests show neither. */
export function withoutLinkSecrets<T extends { url?: string; params?: unknown }>(request: T): T {
  if (typeof request.url === 'string' && /^\/decide\//.test(request.url)) {
    request.url = '/decide/[redacted]';
    request.params = {};
  }
  return request;
}

/**
 * Structured JSON logs (pino) carrying the request's correlation id. Credentials never reach a
 * line: authorization headers, cookies, passwords and tokens are redacted wherever they appear.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
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
        },
      }),
    }),
  ],
})
export class LoggingModule {}
