import { Module } from '@nestjs/common';
import { WorkerModule } from '@standpoint/worker';
import { ApiModule } from '../apps/api/src/api.module';

/** The all-in-one server: the API instance's modules and the worker loop in one process. */
@Module({ imports: [ApiModule, WorkerModule] })
export class AppModule {}
