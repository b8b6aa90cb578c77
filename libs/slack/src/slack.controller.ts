import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { RequestContext, TransactionRunner } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { Ctx } from '@standpoint/graphql';
import type { Request, Response } from 'express';
import { SlackInteractionPayload, SlackInteractionsService } from './slack-interactions.service';
import { SlackLinksService } from './slack-links.service';
import { SlackRequests, VerifiedSlackRequest } from './slack-requests';

const HELP =
  'Standpoint: `/standpoint link <code>` links this Slack account to your Standpoint account (ask Standpoint for a code); `/standpoint unlink` ends the link.';

/**
 * Each connection's Slack routes: the Interactivity request URL and the `/standpoint` command's.
 * The raw body is kept for these routes only (configureHttp), to check Slack's signature over it;
 * a request that fails it is answered 401 and nothing is done.
 */
@Controller('slack/:connectionId')
export class SlackController {
  constructor(
    private readonly requests: SlackRequests,
    private readonly interactions: SlackInteractionsService,
    private readonly links: SlackLinksService,
    private readonly transactions: TransactionRunner,
  ) {}

  @Post('interactions')
  @HttpCode(200)
  async interaction(
    @Ctx() ctx: RequestContext,
    @Param('connectionId') connectionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const verified = await this.verified(ctx, connectionId, request);
    if (!verified) return refuse(response);
    let payload: SlackInteractionPayload;
    try {
      payload = JSON.parse(verified.fields.get('payload') ?? '') as SlackInteractionPayload;
    } catch {
      response.status(400).end();
      return;
    }
    if (payload.type === 'block_actions') {
      // Slack retries a click it got no answer to in 3 seconds; its first delivery opens the modal
      // (a second would only stack another, or fail on the used trigger_id).
      if (!request.header('x-slack-retry-num')) {
        await this.interactions.clicked(ctx, verified.workspace, payload);
      }
      response.status(200).end();
      return;
    }
    if (payload.type === 'view_submission') {
      const answer = await this.interactions.submitted(ctx, verified.workspace, payload);
      if (answer) response.status(200).json(answer);
      else response.status(200).end();
      return;
    }
    response.status(200).end();
  }

  @Post('commands')
  @HttpCode(200)
  async command(
    @Ctx() ctx: RequestContext,
    @Param('connectionId') connectionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const verified = await this.verified(ctx, connectionId, request);
    if (!verified) return refuse(response);
    const [verb, code] = (verified.fields.get('text') ?? '').trim().split(/\s+/);
    const slackUserId = verified.fields.get('user_id') ?? '';
    let text = HELP;
    try {
      if (verb === 'link' && code && slackUserId) {
        text = await this.transactions.run(ctx, () =>
          this.links.linkFromSlack(ctx, verified.workspace, slackUserId, code),
        );
      } else if (verb === 'unlink' && slackUserId) {
        text = await this.transactions.run(ctx, () =>
          this.links.unlinkFromSlack(ctx, verified.workspace, slackUserId),
        );
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      text = error.message;
    }
    response.status(200).json({ response_type: 'ephemeral', text });
  }

  private verified(
    ctx: RequestContext,
    connectionId: string,
    request: Request,
  ): Promise<VerifiedSlackRequest | null> {
    return this.requests.verify(ctx, {
      workspaceId: connectionId,
      timestamp: request.header('x-slack-request-timestamp'),
      signature: request.header('x-slack-signature'),
      rawBody: request.body,
    });
  }
}

function refuse(response: Response): void {
  response.status(401).json({ error: 'the request is not signed by this connection’s Slack app' });
}
