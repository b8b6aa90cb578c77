import 'reflect-metadata';
import { configOrExit } from '@standpoint/config';
import { serveApi } from '@standpoint/graphql';
import { AppModule } from './app.module';

void serveApi(AppModule, configOrExit());
