import { ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { PasskeyModel } from './passkey.model';
import { PasskeysService } from './passkeys.service';
import { RegisterPasskeyInput } from './register-passkey.input';

@Resolver(() => PasskeyModel)
export class PasskeysResolver {
  constructor(private readonly passkeys: PasskeysService) {}

  @Query(() => [PasskeyModel], {
    description: 'The passkeys you confirm decisions with (at most 10), oldest first.',
  })
  myPasskeys(@Ctx() ctx: RequestContext): Promise<PasskeyModel[]> {
    return this.passkeys.mine(ctx);
  }

  @Mutation(() => String, {
    description:
      'Options for navigator.credentials.create, as JSON (PublicKeyCredential.parseCreationOptionsFromJSON, or @simplewebauthn/browser startRegistration). Its challenge answers once, within 5 minutes.',
  })
  passkeyRegistrationOptions(@Ctx() ctx: RequestContext): Promise<string> {
    return this.passkeys.registrationOptions(ctx);
  }

  @Mutation(() => PasskeyModel)
  registerPasskey(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RegisterPasskeyInput,
  ): Promise<PasskeyModel> {
    return this.passkeys.register(ctx, input);
  }

  @Mutation(() => Boolean, {
    description: 'Decisions it confirmed keep their evidence in the audit trail.',
  })
  removePasskey(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.passkeys.remove(ctx, id);
  }
}
