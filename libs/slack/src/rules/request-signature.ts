import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a request's timestamp may be from the server's clock (Slack's advice): 5 minutes. */
export const SLACK_TIMESTAMP_WINDOW_SECONDS = 5 * 60;

/** Why a request that claims to come from Slack is not believed. */
export enum SlackRequestRefusal {
  /** No `X-Slack-Signature` or `X-Slack-Request-Timestamp`, or not in their form. */
  UNSIGNED = 'UNSIGNED',
  /** Its timestamp is more than 5 minutes away: a replay of an old request, say. */
  STALE = 'STALE',
  /** The signature is not the workspace's signing secret's over these bytes. */
  FORGED = 'FORGED',
}

export interface SignedRequest {
  /** `X-Slack-Request-Timestamp`: Unix seconds. */
  timestamp: string | undefined;
  /** `X-Slack-Signature`: `v0=` and the hex HMAC-SHA256. */
  signature: string | undefined;
  /** The body exactly as received. */
  rawBody: Buffer;
}

/** Slack's `v0` signature of a request: HMAC-SHA256 of `v0:<timestamp>:<body>` under the secret. */
export function slackSignature(signingSecret: string, timestamp: string, rawBody: Buffer): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

/**
 * Whether a request is Slack's for the workspace whose signing secret is given, as Slack documents
 * it: a timestamp within 5 minutes of `now`, and a `v0` signature over the raw body compared in
 * constant time. Null when it is.
 */
export function slackRequestRefusal(
  signingSecret: string,
  request: SignedRequest,
  now: Date,
): SlackRequestRefusal | null {
  const { timestamp, signature, rawBody } = request;
  if (
    !timestamp ||
    !/^\d{1,12}$/.test(timestamp) ||
    !signature ||
    !/^v0=[0-9a-f]{64}$/.test(signature)
  )
    return SlackRequestRefusal.UNSIGNED;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SLACK_TIMESTAMP_WINDOW_SECONDS)
    return SlackRequestRefusal.STALE;
  const expected = Buffer.from(slackSignature(signingSecret, timestamp, rawBody));
  return timingSafeEqual(expected, Buffer.from(signature)) ? null : SlackRequestRefusal.FORGED;
}
