import { Module, OnModuleInit } from '@nestjs/common';
import { IdentityModule } from '@standpoint/identity';
import { NotificationsModule } from '@standpoint/notifications';
import { WorkerJobs, WorkerModule } from '@standpoint/worker';
import { AccountEmailsModule } from './account-emails.module';
import { PasswordResetJob } from './password-reset.job';

/** The reset requests on the worker loop: each becomes an email, or nothing. */
@Module({
  imports: [AccountEmailsModule, IdentityModule, NotificationsModule, WorkerModule],
  providers: [PasswordResetJob],
})
export class AccountWorkerModule implements OnModuleInit {
  constructor(
    private readonly jobs: WorkerJobs,
    private readonly resets: PasswordResetJob,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'password resets', run: () => this.resets.run() });
  }
}
