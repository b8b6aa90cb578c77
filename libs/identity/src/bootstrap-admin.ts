import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, isUniqueViolation, newId } from '@standpoint/database';
import { DataSource } from 'typeorm';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './user.entity';

/**
 * On a start with no users yet, creates the platform administrator named by
 * STANDPOINT_ADMIN_EMAIL / STANDPOINT_ADMIN_PASSWORD. It belongs to no brand, so no brand's audit
 * chain records it; the log line does.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdmin.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    const users = this.dataSource.getRepository(UserEntity);
    if (!admin || (await users.count()) > 0) return;
    try {
      await users.insert({
        id: newId('usr'),
        email: admin.email,
        name: 'Platform administrator',
        passwordHash: await this.hasher.hash(admin.password),
        platformAdmin: true,
        createdAt: this.clock.now(),
      });
      this.logger.log(`Created the platform administrator ${admin.email}`);
    } catch (error) {
      // Another instance starting at the same moment created it first.
      if (!isUniqueViolation(error)) throw error;
    }
  }
}
