import { deliverOutbox } from './outbox';
import { ReceivedEmail, SmtpPeer } from './smtp-peer';
import { TestApp } from './test-app';
import { waitFor } from './wait-for';

const DECISION_LINK = /\/decide\/([A-Za-z0-9_-]{43})/g;

/**
 * The decision token of the newest approval email to `address`, as the approver receives it: the
 * worker's outbox job sends what is queued to the SMTP peer, and the token is read from the link.
 */
export async function emailedDecisionToken(
  t: TestApp,
  peer: SmtpPeer,
  address: string,
): Promise<string> {
  const tokensTo = () =>
    peer.received
      .filter((email) => email.to.includes(address))
      .flatMap((email) => [...email.text.matchAll(DECISION_LINK)].map((match) => match[1]));
  const before = tokensTo().length;
  await deliverOutbox(t);
  await waitFor(`an approval email to ${address}`, () => tokensTo().length > before, {
    timeoutMs: 20_000,
  });
  return tokensTo().at(-1)!;
}

/** The emails to `address`, as received, once the worker has sent what is queued (`count` at least). */
export async function emailsDeliveredTo(
  t: TestApp,
  peer: SmtpPeer,
  address: string,
  count = 1,
): Promise<ReceivedEmail[]> {
  const mine = () => peer.received.filter((email) => email.to.includes(address));
  await deliverOutbox(t);
  await waitFor(`${count} emails to ${address}`, () => mine().length >= count);
  return mine();
}
