import { DateTimeScalar } from '@standpoint/graphql';
import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';

/** More than the catalogue of actions holds: a filter names some of them. */
export const MAX_AUDIT_ACTIONS = 100;

@InputType('AuditFilter')
export class AuditFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  entityId?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_AUDIT_ACTIONS)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  actions?: string[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  actorId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  since?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  until?: Date | null;
}
