import { ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { ConnectSlackInput } from './inputs/connect-slack.input';
import { SlackConnectionModel, SlackLinkCodeModel } from './models/slack-connection.model';
import { SlackLinksService } from './slack-links.service';
import { SlackWorkspacesService } from './slack-workspaces.service';

/** The brand's Slack connection (its admins) and each member's link to it. */
@Resolver()
export class SlackResolver {
  constructor(
    private readonly workspaces: SlackWorkspacesService,
    private readonly links: SlackLinksService,
  ) {}

  @Mutation(() => SlackConnectionModel, {
    description:
      "Connects the brand's Slack workspace (brand admins): the bot token is checked with Slack's auth.test; the token and signing secret are kept encrypted and never shown.",
  })
  connectSlack(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ConnectSlackInput,
  ): Promise<SlackConnectionModel> {
    return this.workspaces.connect(ctx, input);
  }

  @Mutation(() => ID, {
    description:
      'Disconnects the brand’s Slack workspace and ends its members’ links; answers its id.',
  })
  disconnectSlack(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
  ): Promise<string> {
    return this.workspaces.disconnect(ctx, brandId);
  }

  @Query(() => SlackConnectionModel, {
    nullable: true,
    description: "The brand's Slack connection (brand admins), with the app manifest to paste.",
  })
  slackConnection(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
  ): Promise<SlackConnectionModel | null> {
    return this.workspaces.ofBrand(ctx, brandId);
  }

  @Mutation(() => SlackLinkCodeModel, {
    description:
      "A one-time code (10 minutes) to link the caller's Slack account in the brand's workspace.",
  })
  createSlackLinkCode(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
  ): Promise<SlackLinkCodeModel> {
    return this.links.createCode(ctx, brandId);
  }

  @Mutation(() => Boolean, {
    description:
      "Ends the caller's Slack link in the brand's workspace; false when there was none.",
  })
  unlinkSlack(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
  ): Promise<boolean> {
    return this.links.unlinkMine(ctx, brandId);
  }
}
