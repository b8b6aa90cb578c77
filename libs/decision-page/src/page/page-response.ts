import type { Response } from 'express';
import { PAGE_HEADERS } from './layout';

/** Link tokens are 32 random bytes in base64url; anything else names no link. */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Answers with a whole page and the pages' headers (strict CSP, no caching, no referrer). */
export function sendPage(response: Response, status: number, page: string): void {
  response.status(status).set(PAGE_HEADERS).type('html').send(page);
}
