import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { IsArray, IsOptional, IsString, MaxLength } from 'class-validator';

@InputType('AuditFilter')
export class AuditFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  entityId?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  actions?: string[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  actorId?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  since?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  until?: Date | null;
}
