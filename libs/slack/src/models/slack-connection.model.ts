import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@standpoint/graphql';

/** A brand's connected Slack workspace as its admins see it: never its token or signing secret. */
@ObjectType('SlackConnection')
export class SlackConnectionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  brandId!: string;

  @Field({ description: "Slack's id of the workspace (T…)." })
  teamId!: string;

  @Field()
  teamName!: string;

  @Field({ description: "The app's bot user (U…)." })
  botUserId!: string;

  @Field(() => String, { nullable: true, description: 'The channel requests are also posted to.' })
  channelId!: string | null;

  @Field(() => DateTimeScalar)
  connectedAt!: Date;

  @Field({ description: "The app's Interactivity request URL: this connection's own." })
  interactionsUrl!: string;

  @Field({ description: 'The request URL of the app’s /standpoint command.' })
  commandsUrl!: string;

  @Field({
    description:
      'The Slack app manifest (JSON) to create the app with: these URLs, the chat:write and commands scopes.',
  })
  appManifest!: string;
}

/** A one-time code to link the caller's Slack account: type `/standpoint link <code>` in Slack. */
@ObjectType('SlackLinkCode')
export class SlackLinkCodeModel {
  @Field()
  code!: string;

  @Field({ description: 'What to type in the workspace, within the expiry.' })
  command!: string;

  @Field(() => DateTimeScalar)
  expiresAt!: Date;
}
