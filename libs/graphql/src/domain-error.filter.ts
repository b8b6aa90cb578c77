import { ArgumentsHost, Catch, HttpException, HttpStatus, Inject, Logger } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { DomainError } from '@standpoint/errors';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { ApiErrorCode } from './api-error-code';

const HTTP_STATUS: Record<ApiErrorCode, number> = {
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
  SSO_REQUIRED: HttpStatus.FORBIDDEN,
  QUERY_TOO_COMPLEX: HttpStatus.BAD_REQUEST,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  PERSISTED_QUERY_NOT_FOUND: HttpStatus.BAD_REQUEST,
  DOCUMENT_NOT_TRUSTED: HttpStatus.BAD_REQUEST,
  INTERNAL_SERVER_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,
};

// The first code of a status stands for it: an HTTP 400 is BAD_USER_INPUT.
const CODE_OF_STATUS: Partial<Record<number, ApiErrorCode>> = Object.fromEntries(
  Object.entries(HTTP_STATUS)
    .reverse()
    .map(([code, status]) => [status, code as ApiErrorCode]),
);

/** What the client is told: a domain error as it is, anything else in the API's own terms. */
interface ErrorAnswer {
  code: ApiErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * The one place where exceptions become responses. Domain errors keep their code and message;
 * anything unexpected is logged with its stack and answered as INTERNAL_SERVER_ERROR, with no
 * detail in production.
 */
@Catch()
export class DomainErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const error = this.answerTo(exception);
    if (host.getType<string>() === 'graphql') {
      return new GraphQLError(error.message, {
        extensions: { code: error.code, ...(error.details ?? {}) },
      });
    }
    const response = host.switchToHttp().getResponse<Response>();
    response
      .status(HTTP_STATUS[error.code])
      .json({ code: error.code, message: error.message, ...(error.details ?? {}) });
    return undefined;
  }

  private answerTo(exception: unknown): ErrorAnswer {
    if (exception instanceof DomainError) return exception;
    if (exception instanceof GraphQLError) {
      const code = exception.extensions?.code;
      return {
        code: Object.values<string>(ApiErrorCode).includes(code as string)
          ? (code as ApiErrorCode)
          : ApiErrorCode.BAD_USER_INPUT,
        message: exception.message,
      };
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const code = CODE_OF_STATUS[exception.getStatus()] ?? ApiErrorCode.BAD_USER_INPUT;
      return { code, message: exception.message };
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return {
      code: ApiErrorCode.INTERNAL_SERVER_ERROR,
      message:
        this.config.production || !(exception instanceof Error)
          ? 'Internal server error'
          : exception.message,
    };
  }
}
