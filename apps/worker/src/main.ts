// First: the modules below load from Node's compile cache where there is one.
import '../../../libs/config/src/compile-cache';
import 'reflect-metadata';
import { configOrExit } from '@standpoint/config';
import { runWorker } from '@standpoint/worker';
import { WorkerAppModule } from './worker-app.module';

configOrExit();
void runWorker(WorkerAppModule);
