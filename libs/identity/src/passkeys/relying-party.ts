import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';

/**
 * Who passkeys are registered with: the host of PUBLIC_URL is the relying party id, its origin the
 * only origin an assertion may come from. Moving PUBLIC_URL to another host orphans every passkey.
 */
@Injectable()
export class RelyingParty {
  readonly id: string;
  readonly origin: string;
  readonly name = 'Standpoint';

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const url = new URL(config.publicUrl);
    this.id = url.hostname;
    this.origin = url.origin;
  }
}
