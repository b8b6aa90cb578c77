import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { AUDIT_ENTITY_TYPES, AuditData, SlackWorkspaceRecord } from '@standpoint/events';
import { BrandEntity, Operation, requireBrandOperation, requireUser } from '@standpoint/identity';
import { ConnectSlackInput } from './inputs/connect-slack.input';
import { SlackConnectionModel } from './models/slack-connection.model';
import { slackAppManifest } from './rules';
import { SlackCredentials } from './slack-credentials';
import { SlackLinkCodeEntity } from './slack-link-code.entity';
import { SlackUserLinkEntity } from './slack-user-link.entity';
import { SlackWorkspaceEntity } from './slack-workspace.entity';

/** The brand admins' Slack connection: connected with a checked token, shown without secrets. */
@Injectable()
export class SlackWorkspacesService {
  constructor(
    private readonly audit: AuditService,
    private readonly credentials: SlackCredentials,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async connect(ctx: RequestContext, input: ConnectSlackInput): Promise<SlackConnectionModel> {
    requireBrandOperation(ctx, input.brandId, Operation.MANAGE_CHAT);
    if (await ctx.em.findOneBy(SlackWorkspaceEntity, { brandId: input.brandId })) {
      throw DomainError.conflict('The brand is connected to Slack already: disconnect it first');
    }
    const team = await this.checkedToken(input.botToken);
    const id = newId('slk');
    const workspace: SlackWorkspaceEntity = {
      id,
      brandId: input.brandId,
      ...team,
      botToken: this.credentials.seal(id, 'botToken', input.botToken),
      signingSecret: this.credentials.seal(id, 'signingSecret', input.signingSecret),
      channelId: input.channelId ?? null,
      connectedById: requireUser(ctx).userId,
      connectedAt: this.clock.now(),
    };
    await ctx.em.insert(SlackWorkspaceEntity, workspace);
    await this.record(ctx, workspace, 'slack.connected', recordOf(workspace));
    return this.modelOf(ctx, workspace);
  }

  /** Ends the connection and every link of its members; messages still queued are not sent. */
  async disconnect(ctx: RequestContext, brandId: string): Promise<string> {
    requireBrandOperation(ctx, brandId, Operation.MANAGE_CHAT);
    const workspace = await ctx.em.findOneBy(SlackWorkspaceEntity, { brandId });
    if (!workspace) throw DomainError.notFound('SlackConnection');
    const unlinked = await ctx.em.delete(SlackUserLinkEntity, { workspaceId: workspace.id });
    await ctx.em.delete(SlackLinkCodeEntity, { workspaceId: workspace.id });
    await ctx.em.delete(SlackWorkspaceEntity, { id: workspace.id });
    await this.record(ctx, workspace, 'slack.disconnected', {
      ...recordOf(workspace),
      unlinkedUsers: unlinked.affected ?? 0,
    });
    return workspace.id;
  }

  async ofBrand(ctx: RequestContext, brandId: string): Promise<SlackConnectionModel | null> {
    requireBrandOperation(ctx, brandId, Operation.MANAGE_CHAT);
    const workspace = await ctx.em.findOneBy(SlackWorkspaceEntity, { brandId });
    return workspace && this.modelOf(ctx, workspace);
  }

  /** Asks Slack who the token is (auth.test): a token Slack refuses is refused here. */
  private async checkedToken(botToken: string) {
    let answer;
    try {
      answer = await this.credentials.client(botToken).auth.test();
    } catch {
      // Slack's error names the problem (invalid_auth…); the token itself is never repeated.
      throw DomainError.invalidField([
        {
          field: 'input.botToken',
          rule: 'slackAccepts',
          message: 'was refused by Slack (auth.test)',
        },
      ]);
    }
    if (!answer.team_id || !answer.user_id || !answer.bot_id) {
      throw DomainError.invalidField([
        {
          field: 'input.botToken',
          rule: 'botToken',
          message: 'is not the token of an app’s bot user',
        },
      ]);
    }
    return {
      teamId: answer.team_id,
      teamName: answer.team ?? answer.team_id,
      botUserId: answer.user_id,
    };
  }

  private async modelOf(
    ctx: RequestContext,
    workspace: SlackWorkspaceEntity,
  ): Promise<SlackConnectionModel> {
    const brand = await ctx.em.findOneByOrFail(BrandEntity, { id: workspace.brandId });
    const base = `${this.config.publicUrl}/slack/${workspace.id}`;
    const urls = { interactions: `${base}/interactions`, commands: `${base}/commands` };
    return Object.assign(new SlackConnectionModel(), {
      id: workspace.id,
      brandId: workspace.brandId,
      teamId: workspace.teamId,
      teamName: workspace.teamName,
      botUserId: workspace.botUserId,
      channelId: workspace.channelId,
      connectedAt: workspace.connectedAt,
      interactionsUrl: urls.interactions,
      commandsUrl: urls.commands,
      appManifest: JSON.stringify(slackAppManifest(urls, brand.name), null, 2),
    });
  }

  private record<A extends 'slack.connected' | 'slack.disconnected'>(
    ctx: RequestContext,
    workspace: SlackWorkspaceEntity,
    action: A,
    data: AuditData<A>,
  ) {
    return this.audit.append(ctx, {
      brandId: workspace.brandId,
      action,
      entityType: AUDIT_ENTITY_TYPES[action],
      entityId: workspace.id,
      data,
    });
  }
}

/** What the audit trail keeps of a workspace: never its token or signing secret. */
function recordOf(workspace: SlackWorkspaceEntity): SlackWorkspaceRecord {
  return {
    teamId: workspace.teamId,
    teamName: workspace.teamName,
    botUserId: workspace.botUserId,
    channelId: workspace.channelId,
  };
}
