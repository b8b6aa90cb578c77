import { registerEnumType } from '@nestjs/graphql';

/** How an organisation's identity provider signs its people in. */
export enum SsoProtocol {
  OIDC = 'OIDC',
  SAML = 'SAML',
}

registerEnumType(SsoProtocol, {
  name: 'SsoProtocol',
  description: "How an organisation's identity provider signs its people in.",
});
