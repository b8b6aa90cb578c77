import { HeadingText, NotBlank } from '@standpoint/graphql';
import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsEmail,
  IsEnum,
  IsOptional,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Role } from '../models/role.graphql';

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

  @Field(() => [Role])
  @ArrayNotEmpty()
  @ArrayMaxSize(Object.values(Role).length)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
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
