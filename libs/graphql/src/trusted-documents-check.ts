import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { checkTrustedDocuments } from './trusted-documents';

/**
 * Checks GRAPHQL_TRUSTED_DOCUMENTS against the schema once it is built, before the server listens:
 * a manifest with a document the API cannot run stops the start (serveApi says which).
 */
@Injectable()
export class TrustedDocumentsCheck implements OnApplicationBootstrap {
  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.trustedDocuments) {
      checkTrustedDocuments(this.schemaHost.schema, this.config.trustedDocuments);
    }
  }
}
