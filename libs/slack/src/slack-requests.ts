import { Injectable, Logger } from '@nestjs/common';
import { Clock, RequestContext, SecretUnreadableError } from '@standpoint/database';
import { slackRequestRefusal } from './rules';
import { SlackCredentials } from './slack-credentials';
import { SlackWorkspaceEntity } from './slack-workspace.entity';

/** A request to a connection's routes, as received. */
export interface IncomingSlackRequest {
  workspaceId: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: unknown;
}

/** The verified form fields of a request, and the workspace it is for. */
export interface VerifiedSlackRequest {
  workspace: SlackWorkspaceEntity;
  fields: URLSearchParams;
}

/**
 * Believes a request to `/slack/<connection>/…` only when it is signed with that connection's
 * signing secret (Slack's v0 scheme, over the raw body, within 5 minutes of the app's clock) and
 * names the connection's own workspace. Anything else is nobody's: null, and nothing is done.
 */
@Injectable()
export class SlackRequests {
  private readonly logger = new Logger('Slack');

  constructor(
    private readonly credentials: SlackCredentials,
    private readonly clock: Clock,
  ) {}

  async verify(
    ctx: RequestContext,
    request: IncomingSlackRequest,
  ): Promise<VerifiedSlackRequest | null> {
    if (!Buffer.isBuffer(request.rawBody) || !/^slk_[0-9A-Za-z_-]{1,60}$/.test(request.workspaceId))
      return null;
    const workspace = await ctx.em.findOneBy(SlackWorkspaceEntity, { id: request.workspaceId });
    if (!workspace) return null;
    let signingSecret: string;
    try {
      signingSecret = this.credentials.signingSecretOf(workspace);
    } catch (error) {
      if (!(error instanceof SecretUnreadableError)) throw error;
      this.logger.error(
        { slackConnectionId: workspace.id },
        `The signing secret of Slack connection ${workspace.id} does not open (${error.message}): is its SECRETS_KEY among the configured keys?`,
      );
      return null;
    }
    const refusal = slackRequestRefusal(
      signingSecret,
      { timestamp: request.timestamp, signature: request.signature, rawBody: request.rawBody },
      this.clock.now(),
    );
    const fields = new URLSearchParams(request.rawBody.toString('utf8'));
    const teamId = fields.get('team_id') ?? teamOfPayload(fields.get('payload'));
    // A request signed for this app but from another workspace acts on nothing here.
    const problem = refusal ?? (teamId === workspace.teamId ? null : 'ANOTHER_WORKSPACE');
    if (problem) {
      this.logger.warn(
        { slackConnectionId: workspace.id, refusal: problem },
        `Slack request refused (${problem})`,
      );
      return null;
    }
    return { workspace, fields };
  }
}

function teamOfPayload(payload: string | null): string | undefined {
  try {
    return (JSON.parse(payload ?? '') as { team?: { id?: string } }).team?.id;
  } catch {
    return undefined;
  }
}
