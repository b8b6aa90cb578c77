import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { identityLoaders, MembersService, Role } from '@standpoint/identity';
import { Alert } from './alert';
import { AlertSink } from './alert-sink';
import { EmailAlertSink } from './email-alert-sink';
import { TeamsAlertSink } from './teams-alert-sink';

/**
 * Tells a brand's admins (members holding ADMIN) that something went wrong, through every sink:
 * email and Teams, and the chats of features built above the notifications (Slack), which
 * register theirs when their module starts.
 */
@Injectable()
export class AdminAlerts {
  private readonly sinks: AlertSink[];

  constructor(
    private readonly members: MembersService,
    email: EmailAlertSink,
    teams: TeamsAlertSink,
  ) {
    this.sinks = [email, teams];
  }

  register(sink: AlertSink): void {
    this.sinks.push(sink);
  }

  async raise(ctx: RequestContext, alert: Omit<Alert, 'brandName'>): Promise<void> {
    const brand = await identityLoaders.brandById(ctx).load(alert.brandId);
    if (!brand) throw new Error(`brand ${alert.brandId} does not exist`);
    const admins = (await this.members.ofBrand(ctx, alert.brandId))
      .filter((member) => member.roles.includes(Role.ADMIN))
      .map((member) => member.userId);
    for (const sink of this.sinks)
      await sink.queue(ctx, { ...alert, brandName: brand.name }, admins);
  }
}
