// First: the modules below load from Node's compile cache where there is one.
import '../../../libs/config/src/compile-cache';
import 'reflect-metadata';
import { configOrExit } from '@standpoint/config';
import { serveApi } from '@standpoint/graphql';
import { ApiModule } from './api.module';

void serveApi(ApiModule, configOrExit());
