import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Whether the database answers and every migration has been applied. */
@Injectable()
export class DatabaseHealth {
  constructor(private readonly dataSource: DataSource) {}

  async isReady(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return !(await this.dataSource.showMigrations());
    } catch {
      return false;
    }
  }
}
