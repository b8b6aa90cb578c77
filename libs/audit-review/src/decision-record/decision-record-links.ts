import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { createHmac } from 'node:crypto';

const LINK_TTL_SECONDS = 600;
const AUDIENCE = 'decision-record';

interface LinkClaims {
  sub: string;
  proposalId: string;
  exp?: number;
}

/**
 * Short-lived signed links to one proposal's printable record for one user, for a browser, which
 * cannot send the Authorization header when it follows a link. They are signed with a key of
 * their own, derived from JWT_SECRET, so a link never passes for an access token.
 */
@Injectable()
export class DecisionRecordLinks {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.jwt = new JwtService({
      secret: createHmac('sha256', config.jwtSecret).update('decision-record-link').digest(),
      signOptions: {
        algorithm: 'HS256',
        expiresIn: LINK_TTL_SECONDS,
        issuer: 'standpoint',
        audience: AUDIENCE,
      },
      verifyOptions: { algorithms: ['HS256'], issuer: 'standpoint', audience: AUDIENCE },
    });
  }

  async issue(userId: string, proposalId: string): Promise<{ url: string; expiresAt: Date }> {
    const token = await this.jwt.signAsync({ sub: userId, proposalId } satisfies LinkClaims);
    const { exp } = this.jwt.decode<LinkClaims>(token);
    return {
      url: `${this.config.publicUrl}${decisionRecordPath(proposalId)}?access=${token}`,
      expiresAt: new Date((exp ?? 0) * 1000),
    };
  }

  /** The user a valid, unexpired link for this proposal was issued to; undefined otherwise. */
  async userOf(token: string, proposalId: string): Promise<string | undefined> {
    try {
      const claims = await this.jwt.verifyAsync<LinkClaims>(token);
      return claims.proposalId === proposalId && typeof claims.sub === 'string'
        ? claims.sub
        : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The page's route, relative to the server's root. */
export function decisionRecordPath(proposalId: string): string {
  return `/proposals/${encodeURIComponent(proposalId)}/decision-record`;
}
