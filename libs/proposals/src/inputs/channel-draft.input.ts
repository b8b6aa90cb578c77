import { Field, InputType } from '@nestjs/graphql';
import { IsArray, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Channel } from '../models/enums.graphql';

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
  @IsString({ each: true })
  mediaUrls?: string[] | null;
}
