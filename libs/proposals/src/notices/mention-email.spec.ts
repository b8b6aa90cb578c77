import { describeEveryEmail, EmailExamples, EXAMPLE_READER as reader } from '@standpoint/testing';
import { mentionEmail } from './mention-email';

const everyEmail: EmailExamples = (text = (s) => s) => [
  [
    'mention',
    mentionEmail(
      {
        brandName: text('Acme'),
        proposalTitle: text('Shelters tonight'),
        commentAuthorName: text('Sam Social'),
        body: text('@ceo@brand.example can you look?'),
      },
      reader,
    ),
  ],
];

describe('the mention email', () => {
  describeEveryEmail(everyEmail);

  it('a mention quotes the comment and names who wrote it', () => {
    const [, email] = everyEmail().find(([kind]) => kind === 'mention')!;
    expect(email.subject).toBe('Sam Social mentioned you: Shelters tonight');
    expect(email.text).toContain('> @ceo@brand.example can you look?');
    expect(email.html).toContain('@ceo@brand.example can you look?');
  });
});
