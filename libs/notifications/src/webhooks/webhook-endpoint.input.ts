import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  MaxLength,
  MinLength,
} from 'class-validator';
import { WebhookEventType } from './webhook-events';

/** A secret shorter than this is too easy to guess; none given, one is made. */
export const MIN_SECRET_LENGTH = 32;

@InputType('RegisterWebhookEndpointInput')
export class RegisterWebhookEndpointInput {
  @Field(() => ID)
  brandId!: string;

  @Field({ description: 'An https URL on the public internet.' })
  @MaxLength(2048)
  url!: string;

  @Field(() => [WebhookEventType])
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(Object.values(WebhookEventType).length)
  @IsEnum(WebhookEventType, { each: true })
  eventTypes!: WebhookEventType[];

  @Field(() => String, {
    nullable: true,
    description: `At least ${MIN_SECRET_LENGTH} characters; when none is given a random one is made.`,
  })
  @IsOptional()
  @MinLength(MIN_SECRET_LENGTH)
  @MaxLength(255)
  secret?: string | null;
}

@InputType('UpdateWebhookEndpointInput')
export class UpdateWebhookEndpointInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2048)
  url?: string | null;

  @Field(() => [WebhookEventType], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(Object.values(WebhookEventType).length)
  @IsEnum(WebhookEventType, { each: true })
  eventTypes?: WebhookEventType[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'A new signing secret, at least 32 characters.',
  })
  @IsOptional()
  @MinLength(MIN_SECRET_LENGTH)
  @MaxLength(255)
  secret?: string | null;
}
