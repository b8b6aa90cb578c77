import { Field, InputType } from '@nestjs/graphql';
import { NotBlank } from '@standpoint/graphql';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { SsoProviderInput } from '../sso/sso-provider.input';

/** A SAML attribute's name: a URI (Entra ID's claims) or a plain name. */
const ATTRIBUTE_NAME = /^[A-Za-z0-9_:./#-]{1,255}$/;
const OPTIONAL_ATTRIBUTE_NAME = /^([A-Za-z0-9_:./#-]{1,255})?$/;
const ATTRIBUTE_RULE = 'letters, digits and _ : . / # -, at most 255';

@InputType('SetSamlProviderInput')
export class SetSamlProviderInput extends SsoProviderInput {
  @Field({
    description:
      "The identity provider's entity id (its Issuer), e.g. http://www.okta.com/exk…, https://sts.windows.net/<tenant>/ or https://accounts.google.com/o/saml2?idpid=…",
  })
  @NotBlank()
  @MaxLength(1024)
  idpEntityId!: string;

  @Field({
    description:
      "The identity provider's single sign-on URL (HTTP-Redirect binding); https (http only on this machine's loopback).",
  })
  @MaxLength(2048)
  idpSsoUrl!: string;

  @Field(() => [String], {
    nullable: true,
    description:
      "The provider's signing certificates, PEM or base64 (two while it rotates). Required for a new provider; a change without them keeps the current ones.",
  })
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(16384, { each: true })
  idpCertificates?: string[];

  @Field({
    nullable: true,
    description:
      "The attribute that carries the person's email; an empty one: the subject's NameID is the email (the usual setting). A change without it keeps the current one.",
  })
  @IsOptional()
  @Matches(OPTIONAL_ATTRIBUTE_NAME, {
    message: `emailAttribute is an attribute name (${ATTRIBUTE_RULE}), or empty`,
  })
  emailAttribute?: string;

  @Field({
    nullable: true,
    description:
      "The attribute that lists the person's groups, whose mappings (setGroupRoles) give roles at sign-in: `groups` by default; Entra ID sends `http://schemas.microsoft.com/ws/2008/06/identity/claims/groups`. A change without it keeps the current one.",
  })
  @IsOptional()
  @Matches(ATTRIBUTE_NAME, { message: `groupsAttribute is an attribute name (${ATTRIBUTE_RULE})` })
  groupsAttribute?: string;
}
