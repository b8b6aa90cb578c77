import { Inject, Injectable } from '@nestjs/common';
import { WebClient } from '@slack/web-api';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { SecretBox } from '@standpoint/database';
import { SlackWorkspaceEntity } from './slack-workspace.entity';

type SealedField = 'botToken' | 'signingSecret';

/**
 * A workspace's secrets, sealed to their row and field (a sealed token copied into another brand's
 * row does not open), and the Web API client its token speaks with: at SLACK_API_URL, with no
 * retries of its own (the outbox tries again) and no waiting out a rate limit.
 */
@Injectable()
export class SlackCredentials {
  constructor(
    private readonly box: SecretBox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  seal(workspaceId: string, field: SealedField, secret: string): string {
    return this.box.seal(secret, contextOf(workspaceId, field));
  }

  signingSecretOf(workspace: SlackWorkspaceEntity): string {
    return this.box.open(workspace.signingSecret, contextOf(workspace.id, 'signingSecret'));
  }

  clientOf(workspace: SlackWorkspaceEntity): WebClient {
    return this.client(this.box.open(workspace.botToken, contextOf(workspace.id, 'botToken')));
  }

  client(token: string): WebClient {
    return new WebClient(token, {
      slackApiUrl: this.config.slackApiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: this.config.outbox.webhookDeadlineMs,
    });
  }
}

function contextOf(workspaceId: string, field: SealedField): string {
  return `slack_workspace:${workspaceId}:${field}`;
}
