import { Field, InputType } from '@nestjs/graphql';
import { HeadingText, NotBlank } from '@standpoint/graphql';
import { MaxLength } from 'class-validator';

@InputType('RegisterPasskeyInput')
export class RegisterPasskeyInput {
  @Field({ description: 'What its owner calls it ("work laptop").' })
  @NotBlank()
  @HeadingText()
  @MaxLength(100)
  name!: string;

  @Field({
    description:
      "navigator.credentials.create's answer to passkeyRegistrationOptions, as JSON (PublicKeyCredential.toJSON(), or @simplewebauthn/browser's startRegistration).",
  })
  @NotBlank()
  @MaxLength(16_000)
  response!: string;
}
