import 'reflect-metadata';
import { configOrExit } from '@standpoint/config';
import { runWorker } from '@standpoint/worker';
import { WorkerAppModule } from './worker-app.module';

configOrExit();
void runWorker(WorkerAppModule);
