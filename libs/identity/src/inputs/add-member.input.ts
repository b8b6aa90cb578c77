import { HeadingText, NotBlank } from '@standpoint/graphql';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, MaxLength, MinLength } from 'class-validator';
import { Role } from '../models/role.graphql';
import { RoleList } from './role-list';

@InputType('AddMemberInput')
export class AddMemberInput {
  @Field(() => ID)
  brandId!: string;

  @Field()
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @Field()
  @NotBlank()
  @HeadingText()
  @MaxLength(200)
  name!: string;

  @RoleList()
  roles!: Role[];

  @Field({
    nullable: true,
    description: 'Sets the password of a new user; an existing user keeps theirs.',
  })
  @IsOptional()
  @MinLength(10)
  @MaxLength(200)
  password?: string;

  @Field({
    nullable: true,
    description:
      "A new user's time zone (an IANA name such as Europe/Paris; UTC when left out): their welcome email is written in it. An existing user keeps theirs, which only they change (setMyTimeZone).",
  })
  @IsOptional()
  @MaxLength(64)
  timeZone?: string;
}
