import { TeamsConnectionSettings } from '@standpoint/events';

/** How many of a workflow URL's last characters its hint shows (of a 43-character signature). */
const HINT_LENGTH = 4;

/** A Teams workflow as it may be shown: its host and the URL's last characters, never the URL. */
export function teamsSettingsOf(url: URL): TeamsConnectionSettings {
  return { host: url.host, hint: `…${url.toString().slice(-HINT_LENGTH)}` };
}

/** How an outbox row names the workflow it goes to (the row never holds the URL). */
export function teamsRecipientOf(settings: TeamsConnectionSettings): string {
  return `Teams workflow at ${settings.host} (${settings.hint})`;
}
