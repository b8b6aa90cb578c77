import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DatabaseHealth } from './database-health';

@Controller('health')
export class HealthController {
  constructor(private readonly health: DatabaseHealth) {}

  @Get()
  @HttpCode(200)
  async check(@Res({ passthrough: true }) response: Response): Promise<{ status: string }> {
    if (await this.health.isReady()) return { status: 'ok' };
    response.status(503);
    return { status: 'unavailable' };
  }
}
