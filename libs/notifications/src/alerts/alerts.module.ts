import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditDispatcher, AuditModule } from '@standpoint/audit';
import { IdentityModule } from '@standpoint/identity';
import { NotificationsModule } from '../notifications.module';
import { TeamsModule } from '../teams/teams.module';
import { AdminAlerts } from './admin-alerts.service';
import { AlertThrottle } from './alert-throttle';
import { AlertThrottleEntity } from './alert-throttle.entity';
import { DeliveryGaveUpAlert } from './delivery-gave-up.alert';
import { EmailAlertSink } from './email-alert-sink';
import { TeamsAlertSink } from './teams-alert-sink';
import { UnapprovedContentAlert } from './unapproved-content.alert';

/**
 * The brand admins' alerts (email, Teams, and the chats that register a sink): the notifications' own (a delivery given up, a text
 * reported as not approved) subscribe here; other features raise theirs through AdminAlerts from
 * their notices. Import it in every process that changes anything or delivers the outbox.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([AlertThrottleEntity]),
    AuditModule,
    IdentityModule,
    NotificationsModule,
    TeamsModule,
  ],
  providers: [
    AdminAlerts,
    AlertThrottle,
    DeliveryGaveUpAlert,
    EmailAlertSink,
    TeamsAlertSink,
    UnapprovedContentAlert,
  ],
  exports: [AdminAlerts],
})
export class AlertsModule implements OnModuleInit {
  constructor(
    private readonly dispatcher: AuditDispatcher,
    private readonly gaveUp: DeliveryGaveUpAlert,
    private readonly unapproved: UnapprovedContentAlert,
  ) {}

  onModuleInit(): void {
    this.gaveUp.subscribe(this.dispatcher);
    this.unapproved.subscribe(this.dispatcher);
  }
}
