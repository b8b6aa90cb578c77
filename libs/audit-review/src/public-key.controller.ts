import { Controller, Get } from '@nestjs/common';
import { CheckpointsService, publishedKeys, PublishedKey } from '@standpoint/audit';

/** One key of the ring as served: `current` signs checkpoints now, `retired` ones signed before. */
interface ServedKey extends PublishedKey {
  status: 'current' | 'retired';
}

/**
 * `GET /audit/public-key`: the key that signs the audit checkpoints now, and the key ring of every
 * key that signed one (oldest first), so that checkpoints signed before a rotation keep verifying.
 * Public, so no sign-in; `verify-export --public-key <this URL>` trusts the whole ring.
 */
@Controller('audit/public-key')
export class PublicKeyController {
  constructor(private readonly checkpoints: CheckpointsService) {}

  @Get()
  publicKey(): { algorithm: 'Ed25519'; keyId: string; publicKey: string; keys: ServedKey[] } {
    const current = this.checkpoints.currentKey;
    return {
      algorithm: 'Ed25519',
      keyId: current.keyId,
      publicKey: current.publicKeyPem,
      keys: publishedKeys(this.checkpoints.ring).map((key) => ({
        ...key,
        status: key.keyId === current.keyId ? 'current' : 'retired',
      })),
    };
  }
}
