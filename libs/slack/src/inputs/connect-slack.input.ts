import { Field, ID, InputType } from '@nestjs/graphql';
import { NotBlank } from '@standpoint/graphql';
import { IsOptional, Matches, MaxLength } from 'class-validator';

@InputType('ConnectSlackInput')
export class ConnectSlackInput {
  @Field(() => ID)
  brandId!: string;

  @Field({ description: "The app's bot token (xoxb-…): kept encrypted, never shown again." })
  @Matches(/^xoxb-[A-Za-z0-9-]{10,250}$/, { message: 'must be a bot token (xoxb-…)' })
  botToken!: string;

  @Field({ description: "The app's signing secret: kept encrypted, never shown again." })
  @NotBlank()
  @Matches(/^[0-9a-f]{32,128}$/, { message: 'must be the hexadecimal signing secret of the app' })
  signingSecret!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A channel id (C…) to post approval requests to as well, besides direct messages.',
  })
  @IsOptional()
  @Matches(/^[CG][A-Z0-9]{2,20}$/, { message: 'must be a channel id such as C0123456789' })
  @MaxLength(64)
  channelId?: string | null;
}
