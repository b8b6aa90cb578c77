import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '@standpoint/config';

/**
 * Gives the HTTP server TRUST_PROXY as Express's 'trust proxy', so that behind a reverse proxy
 * `request.ip` is the client and per-address limits count clients, not the proxy. In every process
 * that serves HTTP, however it was started; processes without HTTP have nothing to set.
 */
@Injectable()
export class TrustProxy implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const trustProxy = this.config.trustProxy;
    this.adapterHost.httpAdapter
      ?.getInstance<{ set(name: string, value: unknown): void }>()
      .set('trust proxy', Array.isArray(trustProxy) ? [...trustProxy] : trustProxy);
  }
}
