import { Controller, Get } from '@nestjs/common';
import { CheckpointsService } from '@standpoint/audit';

/**
 * `GET /audit/public-key`: the key that signs the audit checkpoints, for anyone to verify them
 * with; it is public, so no sign-in.
 */
@Controller('audit/public-key')
export class PublicKeyController {
  constructor(private readonly checkpoints: CheckpointsService) {}

  @Get()
  publicKey(): { algorithm: 'Ed25519'; keyId: string; publicKey: string } {
    const { keyId, publicKeyPem } = this.checkpoints.publicKey();
    return { algorithm: 'Ed25519', keyId, publicKey: publicKeyPem };
  }
}
