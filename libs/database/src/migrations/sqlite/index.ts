import { Foundation1796001894120 } from './1796001894120-Foundation';
import { AuditAppendOnly1796001900000 } from './1796001900000-AuditAppendOnly';
import { Proposals1796004086683 } from './1796004086683-Proposals';
import { Approvals1796005244407 } from './1796005244407-Approvals';
import { Idempotency1796005424738 } from './1796005424738-Idempotency';
import { DefaultApprovalPolicies1796005500000 } from './1796005500000-DefaultApprovalPolicies';
import { Notifications1796012576027 } from './1796012576027-Notifications';
import { AuditCheckpoints1796012733734 } from './1796012733734-AuditCheckpoints';
import { AuditEventEntityIndex1796012945538 } from './1796012945538-AuditEventEntityIndex';
import { WebhookEndpoints1796012980981 } from './1796012980981-WebhookEndpoints';
import { CheckpointsAppendOnly1796012990000 } from './1796012990000-CheckpointsAppendOnly';
import { DecisionsAgainstTheTeam1796013100000 } from './1796013100000-DecisionsAgainstTheTeam';
import { MembersAndSessions1796521500269 } from './1796521500269-MembersAndSessions';
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

// The SQLite migrations, in the order they run. Append; never reorder or edit a released one.
export const sqliteMigrations: Function[] = [
  Foundation1796001894120,
  AuditAppendOnly1796001900000,
  Proposals1796004086683,
  Approvals1796005244407,
  Idempotency1796005424738,
  DefaultApprovalPolicies1796005500000,
  Notifications1796012576027,
  AuditCheckpoints1796012733734,
  AuditEventEntityIndex1796012945538,
  WebhookEndpoints1796012980981,
  CheckpointsAppendOnly1796012990000,
  DecisionsAgainstTheTeam1796013100000,
  MembersAndSessions1796521500269,
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
