import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import { ReceivedWebhook } from '@standpoint/testing';
import vendored from './fixtures/adaptive-cards/adaptive-card-1.4.0.schema.json';

// The official Adaptive Card 1.4 schema (draft-06), vendored with its licence note in
// fixtures/adaptive-cards. It names itself with draft-04's `id`, which Ajv refuses: here it is `$id`.
const { id: schemaId, ...schema } = vendored as { id: string } & Record<string, unknown>;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addMetaSchema(draft06);
const validCard = ajv.compile({ $id: schemaId, ...schema });

/** A RichTextBlock of one TextRun: how the cards write every text, so that none is markdown. */
interface PlainText {
  type: string;
  inlines: { type: string; text: string }[];
}

export interface PostedCard {
  version: string;
  body: {
    type: string;
    items?: PlainText[];
    columns?: { items: PlainText[] }[];
  }[];
  actions?: { type: string; title: string; url: string }[];
}

/** The text of a RichTextBlock, checked to be TextRuns only (never parsed as markdown). */
function plainText(block: PlainText | undefined): string {
  expect(block?.type).toBe('RichTextBlock');
  expect(block!.inlines.every((inline) => inline.type === 'TextRun')).toBe(true);
  return block!.inlines.map((inline) => inline.text).join('');
}

/**
 * The Adaptive Card of a request a Teams workflow received, checked to be the workflow's "message
 * with attachments" envelope around one card that declares version 1.4 and is valid against that
 * version's schema. Throws, naming every schema error, otherwise.
 */
export function postedCard(request: ReceivedWebhook): PostedCard {
  expect(request.headers['content-type']).toBe('application/json');
  const message = JSON.parse(request.body) as {
    type: string;
    attachments: { contentType: string; content: PostedCard }[];
  };
  expect(message.type).toBe('message');
  expect(message.attachments).toHaveLength(1);
  const [attachment] = message.attachments;
  expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(attachment.content.version).toBe('1.4');
  if (!validCard(attachment.content))
    throw new Error(`not a valid Adaptive Card 1.4: ${ajv.errorsText(validCard.errors)}`);
  return attachment.content;
}

/** A card's title (its first text) and its facts, as a reader sees them. */
export function cardText(card: PostedCard): { title: string; facts: Record<string, string> } {
  const title = plainText(card.body[0].items?.[0]);
  const facts = Object.fromEntries(
    card.body
      .filter((element) => element.type === 'ColumnSet')
      .map((row) => row.columns!.map((column) => plainText(column.items[0]))),
  );
  expect(
    card.body.some((element) => element.type === 'TextBlock' || element.type === 'FactSet'),
  ).toBe(false);
  return { title, facts };
}
