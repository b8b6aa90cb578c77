import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@standpoint/config';

interface AccessTokenClaims {
  sub: string;
  /** Set by `issue`; jsonwebtoken checks it only when present, so its absence is checked here. */
  exp?: number;
}

/** Access tokens: HS256 JWTs naming the user, expiring after JWT_TTL_SECONDS. */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.jwt = new JwtService({
      secret: config.jwtSecret,
      signOptions: { algorithm: 'HS256', expiresIn: config.jwtTtlSeconds, issuer: 'standpoint' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'standpoint' },
    });
  }

  issue(userId: string): Promise<string> {
    return this.jwt.signAsync({ sub: userId } satisfies AccessTokenClaims);
  }

  /**
   * The user id of a valid token, or undefined for an invalid or expired one, or one that never
   * expires: a token without `exp` (which `issue` never makes) would be a password for life.
   */
  async userIdOf(token: string): Promise<string | undefined> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
      if (typeof claims.exp !== 'number') return undefined;
      return typeof claims.sub === 'string' ? claims.sub : undefined;
    } catch {
      return undefined;
    }
  }
}
