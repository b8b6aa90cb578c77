import 'reflect-metadata';
import { configOrExit } from '@standpoint/config';
import { serveApi } from '@standpoint/graphql';
import { ApiModule } from './api.module';

void serveApi(ApiModule, configOrExit());
