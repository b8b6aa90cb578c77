import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, isUniqueViolation, newId } from '@standpoint/database';
import { DataSource } from 'typeorm';
import { PasswordHasher } from './password-hasher';
import { PasswordStrength } from './password-strength';
import { UserEntity } from './user.entity';

const ADMIN_NAME = 'Platform administrator';

/**
 * On a start with no users yet, creates the platform administrator named by
 * STANDPOINT_ADMIN_EMAIL / STANDPOINT_ADMIN_PASSWORD, whose password is judged like every other
 * (a weak one stops the start). It belongs to no brand, so no brand's audit
 * chain records it; the log line does.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdmin.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly strength: PasswordStrength,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    const users = this.dataSource.getRepository(UserEntity);
    if (!admin || (await users.count()) > 0) return;
    // The most powerful account gets no weaker password than anyone else's: the start stops here.
    const weak = this.strength.problem(admin.password, { name: ADMIN_NAME, email: admin.email });
    if (weak) throw new Error(`STANDPOINT_ADMIN_PASSWORD is refused: ${weak}`);
    try {
      await users.insert({
        id: newId('usr'),
        email: admin.email,
        name: ADMIN_NAME,
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
