import { request as httpRequest, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { LookupFunction } from 'node:net';
import { withinDeadline } from '../outbox/delivery-deadline';
import { PermanentDeliveryError } from '../outbox/outbox-transport';
import { CheckedAddress, checkTarget, RefusedTargetError } from '@standpoint/outbound';

export interface TargetPost {
  url: URL;
  body: string;
  headers: Record<string, string>;
  /** Who answers, for the deadline's message ("the webhook receiver"). */
  party: string;
  deadlineMs: number;
  allowPrivate: boolean;
}

/**
 * POSTs a body to a URL an admin gave (a webhook endpoint, a Teams workflow), to an address
 * checked just now (DNS may have changed since it was given): a refused target is a permanent
 * failure. A 2xx answer delivers it; any other answer, a redirect included (never followed),
 * throws so that it is tried again. So does a receiver that has not answered in full within the
 * deadline, however it trickles: the connection is then destroyed.
 */
export function postToTarget(post: TargetPost): Promise<void> {
  return withinDeadline(post.deadlineMs, post.party, async (signal) => {
    let addresses: CheckedAddress[];
    try {
      addresses = await checkTarget(post.url, post.allowPrivate);
    } catch (error) {
      if (error instanceof RefusedTargetError) throw new PermanentDeliveryError(error.message);
      throw error;
    }
    const status = await send(post, addresses, signal);
    if (status < 200 || status >= 300) throw new Error(`the receiver answered HTTP ${status}`);
  });
}

/**
 * Sends the body to the checked addresses only (the URL's host still names it for TLS and Host) and
 * reads the answer to its end; `signal` destroys the connection.
 */
function send(post: TargetPost, addresses: CheckedAddress[], signal: AbortSignal): Promise<number> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
  const options: RequestOptions = {
    method: 'POST',
    headers: { ...post.headers, 'Content-Length': String(Buffer.byteLength(post.body)) },
    lookup: pinned,
    signal,
  };
  const request = post.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(post.url, options, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(post.body);
  });
}
