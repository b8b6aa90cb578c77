import { Foundation1796001896672 } from './1796001896672-Foundation';
import { AuditAppendOnly1796001900000 } from './1796001900000-AuditAppendOnly';
import { Proposals1796004090926 } from './1796004090926-Proposals';
import { Approvals1796005268540 } from './1796005268540-Approvals';
import { Idempotency1796005428250 } from './1796005428250-Idempotency';
import { DefaultApprovalPolicies1796005500000 } from './1796005500000-DefaultApprovalPolicies';
import { Notifications1796012577883 } from './1796012577883-Notifications';
import { AuditCheckpoints1796012735543 } from './1796012735543-AuditCheckpoints';
import { AuditEventEntityIndex1796012951300 } from './1796012951300-AuditEventEntityIndex';
import { CheckpointsAppendOnly1796012990000 } from './1796012990000-CheckpointsAppendOnly';
import { WebhookEndpoints1796012992741 } from './1796012992741-WebhookEndpoints';
import { AppRolePrivileges1796013000000 } from './1796013000000-AppRolePrivileges';
import { DecisionsAgainstTheTeam1796013100000 } from './1796013100000-DecisionsAgainstTheTeam';
import { RateLimits1796014100000 } from './1796014100000-RateLimits';
import { MembersAndSessions1796521505099 } from './1796521505099-MembersAndSessions';
import { AuditEventNotify1796600000000 } from './1796600000000-AuditEventNotify';
import { AuditMerkleTree1796700000000 } from './1796700000000-AuditMerkleTree';
import { Passkeys1796700100000 } from './1796700100000-Passkeys';
import { ListeningImports1796800100000 } from './1796800100000-ListeningImports';
import { TimeZonesAndCalendarFeeds1796800200000 } from './1796800200000-TimeZonesAndCalendarFeeds';
import { SlackApprovals1796800300000 } from './1796800300000-SlackApprovals';
import { TeamsAndAlerts1796800400000 } from './1796800400000-TeamsAndAlerts';
import { ScimAndGroupRoles1796800500000 } from './1796800500000-ScimAndGroupRoles';
import { OidcSignIn1796800600000 } from './1796800600000-OidcSignIn';
import { OidcGroupsClaim1796800700000 } from './1796800700000-OidcGroupsClaim';
import { SamlSignIn1796800800000 } from './1796800800000-SamlSignIn';

// The PostgreSQL migrations, in the order they run. Append; never reorder or edit a released one.
export const postgresMigrations: Function[] = [
  Foundation1796001896672,
  AuditAppendOnly1796001900000,
  Proposals1796004090926,
  Approvals1796005268540,
  Idempotency1796005428250,
  DefaultApprovalPolicies1796005500000,
  Notifications1796012577883,
  AuditCheckpoints1796012735543,
  AuditEventEntityIndex1796012951300,
  CheckpointsAppendOnly1796012990000,
  WebhookEndpoints1796012992741,
  AppRolePrivileges1796013000000,
  DecisionsAgainstTheTeam1796013100000,
  RateLimits1796014100000,
  MembersAndSessions1796521505099,
  AuditEventNotify1796600000000,
  AuditMerkleTree1796700000000,
  Passkeys1796700100000,
  ListeningImports1796800100000,
  TimeZonesAndCalendarFeeds1796800200000,
  SlackApprovals1796800300000,
  TeamsAndAlerts1796800400000,
  ScimAndGroupRoles1796800500000,
  OidcSignIn1796800600000,
  OidcGroupsClaim1796800700000,
  SamlSignIn1796800800000,
];
