import { CardContent } from '../teams/adaptive-card';
import { Alert, alertFacts } from './alert';

/** An alert as an Adaptive Card's content; a channel reads it, so its times are in UTC. */
export function alertCard(alert: Alert): CardContent {
  return {
    title: alert.headline,
    subtitle: `${alert.brandName} · Standpoint alert`,
    tone: 'attention',
    facts: alertFacts(alert, 'UTC').map(([title, value]) => ({ title, value })),
    text: alert.summary,
    link: alert.link,
  };
}
