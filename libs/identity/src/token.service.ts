import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { createSecretKey } from 'node:crypto';

interface AccessTokenClaims {
  sub: string;
  /** The session the token belongs to (SessionEntity): ending it refuses the token. */
  sid: string;
  /** Set by `issue`; jsonwebtoken checks it only when present, so its absence is checked here. */
  exp?: number;
}

/** Whom a valid access token names: a user and one of their sessions. */
export interface TokenSubject {
  userId: string;
  sessionId: string;
}

/** Access tokens: HS256 JWTs naming the user and a session, expiring after JWT_TTL_SECONDS. */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.jwt = new JwtService({
      // A key, not the string: given a string, jsonwebtoken first tries it as a public key on
      // every verification, and that failing attempt cost most of a request's token check.
      secret: createSecretKey(Buffer.from(config.jwtSecret)),
      signOptions: { algorithm: 'HS256', expiresIn: config.jwtTtlSeconds, issuer: 'standpoint' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'standpoint' },
    });
  }

  issue(subject: TokenSubject): Promise<string> {
    return this.jwt.signAsync({
      sub: subject.userId,
      sid: subject.sessionId,
    } satisfies AccessTokenClaims);
  }

  /**
   * Whom a valid token names, or undefined for an invalid or expired one, one that never expires
   * (a token without `exp`, which `issue` never makes, would be a password for life) or one that
   * names no session (made before sessions existed: it cannot be ended, so it is not accepted).
   */
  async subjectOf(token: string): Promise<TokenSubject | undefined> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
      if (typeof claims.exp !== 'number') return undefined;
      if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return undefined;
      return { userId: claims.sub, sessionId: claims.sid };
    } catch {
      return undefined;
    }
  }
}
