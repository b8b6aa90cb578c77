import { CardContent } from '../teams/adaptive-card';
import { Alert } from './alert';

/** An alert as an Adaptive Card's content. */
export function alertCard(alert: Alert): CardContent {
  return {
    title: alert.headline,
    subtitle: `${alert.brandName} · Standpoint alert`,
    tone: 'attention',
    facts: alert.facts.map(([title, value]) => ({ title, value })),
    text: alert.summary,
    link: alert.link,
  };
}
