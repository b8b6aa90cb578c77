import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';

/** A value CBOR encodes (the type @simplewebauthn/server's encoder takes). */
type Cbor = Parameters<typeof isoCBOR.encode>[0];

export type SoftwareKeyAlgorithm = 'ES256' | 'EdDSA';

/** What an assertion is made as, for tests that need one the authenticator would not make. */
export interface AssertionOptions {
  userVerified?: boolean;
  type?: string;
  origin?: string;
}

const UP = 0x01;
const UV = 0x04;
const ATTESTED_CREDENTIAL = 0x40;

/**
 * A passkey authenticator in software, for tests: one credential (an ES256 or Ed25519 key pair)
 * for one relying party, answering registration options with a "none" attestation and signing
 * assertions the way a platform authenticator does.
 */
export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(16).toString('base64url');
  private readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  private counter = 0;

  constructor(
    readonly rpId: string,
    readonly origin: string,
    readonly algorithm: SoftwareKeyAlgorithm = 'ES256',
  ) {
    const pair =
      algorithm === 'ES256'
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : generateKeyPairSync('ed25519');
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  /** The credential's public key in SPKI DER, base64url: as an audit event records it. */
  get spki(): string {
    return this.publicKey.export({ format: 'der', type: 'spki' }).toString('base64url');
  }

  /** What navigator.credentials.create answers for these options. */
  register(options: PublicKeyCredentialCreationOptionsJSON): RegistrationResponseJSON {
    const clientDataJSON = this.clientData('webauthn.create', options.challenge, this.origin);
    const credentialId = Buffer.from(this.credentialId, 'base64url');
    const length = Buffer.alloc(2);
    length.writeUInt16BE(credentialId.length);
    const authData = Buffer.concat([
      this.header(UP | UV | ATTESTED_CREDENTIAL),
      Buffer.alloc(16), // AAGUID: none
      length,
      credentialId,
      Buffer.from(isoCBOR.encode(this.coseKey())),
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, Cbor>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      clientExtensionResults: {},
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        attestationObject: Buffer.from(attestationObject).toString('base64url'),
        transports: ['internal'],
      },
    };
  }

  /** What navigator.credentials.get answers for a challenge (base64url). */
  assert(challenge: string, options: AssertionOptions = {}): AuthenticationResponseJSON {
    const clientDataJSON = this.clientData(
      options.type ?? 'webauthn.get',
      challenge,
      options.origin ?? this.origin,
    );
    const flags = options.userVerified === false ? UP : UP | UV;
    const authenticatorData = this.header(flags);
    const signed = Buffer.concat([
      authenticatorData,
      createHash('sha256').update(clientDataJSON).digest(),
    ]);
    const digest = this.algorithm === 'ES256' ? 'sha256' : null;
    const signature = sign(digest, signed, this.privateKey);
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      clientExtensionResults: {},
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        authenticatorData: authenticatorData.toString('base64url'),
        signature: signature.toString('base64url'),
      },
    };
  }

  private clientData(type: string, challenge: string, origin: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** rpIdHash, flags and the next signature counter. */
  private header(flags: number): Buffer {
    const header = Buffer.alloc(37);
    createHash('sha256').update(this.rpId).digest().copy(header, 0);
    header[32] = flags;
    header.writeUInt32BE(++this.counter, 33);
    return header;
  }

  private coseKey(): Map<number, Cbor> {
    const jwk = this.publicKey.export({ format: 'jwk' });
    const x = Buffer.from(jwk.x!, 'base64url');
    if (this.algorithm === 'EdDSA') {
      return new Map<number, Cbor>([
        [1, 1], // kty: OKP
        [3, -8], // alg: EdDSA
        [-1, 6], // crv: Ed25519
        [-2, x],
      ]);
    }
    return new Map<number, Cbor>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, x],
      [-3, Buffer.from(jwk.y!, 'base64url')],
    ]);
  }
}
