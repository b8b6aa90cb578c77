import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { Channel } from './enums';

/** The words of one channel, as far as the content hash is concerned. */
export interface DraftContent {
  channel: Channel;
  body: string;
  mediaUrls: readonly string[];
}

/**
 * The body as the hash sees it: Unicode NFC (the same text typed on two keyboards is one text);
 * CRLF and lone CR become LF; trailing white space of each line and trailing empty lines go (no
 * network shows them). Leading white space stays: indentation is visible.
 */
export function normalizeBody(body: string): string {
  const lines = body
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The drafts in canonical form: only channel, body and media links (whatever else the caller's
 * objects carry is not content); sorted by channel name in code-unit order, never by locale;
 * bodies normalised; media links trimmed, their order kept (a carousel's order is visible).
 * Two drafts for one channel are invalid, but they are still ordered by their canonical JSON so
 * that the hash never depends on the order they came in.
 */
export function canonicalDrafts(drafts: readonly DraftContent[]): DraftContent[] {
  return drafts
    .map((draft) => ({
      channel: draft.channel,
      body: normalizeBody(draft.body),
      // Null is tolerated: ChannelDraftInput.mediaUrls is optional in the contract.
      mediaUrls: (draft.mediaUrls ?? []).map((url) => url.trim()),
    }))
    .map((draft) => ({ draft, json: jcs(draft) }))
    .sort(
      (a, b) =>
        compareCodeUnits(a.draft.channel, b.draft.channel) || compareCodeUnits(a.json, b.json),
    )
    .map(({ draft }) => draft);
}

/**
 * The text that is hashed: the RFC 8785 (JCS) canonical JSON of
 * `{ "drafts": [{ "body", "channel", "mediaUrls" }, ...], "version": 1 }`. The version lets the
 * canonical form change one day without old hashes changing meaning.
 */
export function canonicalContentText(drafts: readonly DraftContent[]): string {
  return jcs({ version: 1, drafts: canonicalDrafts(drafts) });
}

/** Lowercase hex SHA-256 of the UTF-8 canonical text. */
export function contentHash(drafts: readonly DraftContent[]): string {
  return createHash('sha256').update(canonicalContentText(drafts), 'utf8').digest('hex');
}

function jcs(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('draft content is not JSON');
  return text;
}
