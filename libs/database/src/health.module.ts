import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** `GET /health` for processes that serve HTTP. */
@Module({ controllers: [HealthController] })
export class HealthModule {}
