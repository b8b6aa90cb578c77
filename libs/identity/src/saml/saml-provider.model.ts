import { Field, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@standpoint/graphql';
import { SsoProtocol } from '../sso/sso-protocol';
import { SsoProviderModel } from '../sso/sso-provider.model';
import { parseCertificate, SamlCertificate } from './saml-certificates';
import { SamlProviderEntity } from './saml-provider.entity';

@ObjectType('SamlCertificate', {
  description: "One of the identity provider's signing certificates.",
})
export class SamlCertificateModel {
  @Field({ description: 'SHA-256 fingerprint, as the provider shows it.' })
  fingerprint!: string;

  @Field()
  subject!: string;

  @Field(() => DateTimeScalar, { description: 'When it expires: add the next one before then.' })
  notAfter!: Date;
}

/** A brand's SAML provider as its admins see it, with what to enter at the provider. */
@ObjectType('SamlProvider', { implements: () => [SsoProviderModel] })
export class SamlProviderModel extends SsoProviderModel {
  @Field()
  idpEntityId!: string;

  @Field()
  idpSsoUrl!: string;

  @Field(() => [SamlCertificateModel])
  idpCertificates!: SamlCertificateModel[];

  @Field(() => String, { nullable: true, description: 'Null: the NameID is the email.' })
  emailAttribute!: string | null;

  @Field()
  groupsAttribute!: string;

  @Field({ description: "This side's entity id (the audience) to enter at the provider." })
  entityId!: string;

  @Field({
    description: 'The assertion consumer service (ACS, reply URL) to enter at the provider.',
  })
  acsUrl!: string;

  @Field({ description: "This side's metadata, for a provider that imports it." })
  metadataUrl!: string;

  static from(
    row: SamlProviderEntity,
    brand: { ssoRequired: boolean; signInUrl: string; entityId: string; acsUrl: string },
  ): SamlProviderModel {
    return Object.assign(new SamlProviderModel(), {
      id: row.id,
      name: row.name,
      protocol: SsoProtocol.SAML,
      idpEntityId: row.idpEntityId,
      idpSsoUrl: row.idpSsoUrl,
      idpCertificates: row.idpCertificates.map((pem) => {
        const { fingerprint, subject, notAfter } = parseCertificate(pem) as SamlCertificate;
        return { fingerprint, subject, notAfter };
      }),
      emailDomains: row.emailDomains,
      emailAttribute: row.emailAttribute,
      groupsAttribute: row.groupsAttribute,
      updatedAt: row.updatedAt,
      metadataUrl: brand.entityId,
      ...brand,
    });
  }
}
