import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Channel } from '../models/enums.graphql';

/** One draft per channel at most. */
export const MAX_DRAFTS = Object.values(Channel).length;
/** The most pictures any network takes in one post (a TikTok photo post). */
export const MAX_MEDIA_URLS = 35;

/** One channel's words. Limits per channel are checked with the rules (they need the channel). */
@InputType('ChannelDraftInput')
export class ChannelDraftInput {
  @Field(() => Channel)
  @IsEnum(Channel)
  channel!: Channel;

  @Field()
  @IsString()
  @MaxLength(70_000)
  body!: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_MEDIA_URLS)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  mediaUrls?: string[] | null;
}
