import { alertMessage } from './alert-message';

describe('an admin alert in Slack', () => {
  const alert = {
    brandName: 'Acme <Outdoor>',
    headline: 'Expired without a decision: Flood relief <!channel>',
    summary: 'Step *Leadership* was not decided in time.',
    facts: [
      ['Proposal', 'Flood relief <!channel>'],
      ['Step due', 'Fri, 15 Jan 2027, 12:00 (UTC)'],
    ] as const,
    link: { title: 'Open the proposal', url: 'https://standpoint.example.com/proposals/p1' },
  };

  it('says everything in plain text, so what people wrote is never Slack markup', () => {
    const message = alertMessage(alert);
    const json = JSON.stringify(message.blocks);
    expect(json).not.toContain('mrkdwn');
    expect(json).toContain('Proposal: Flood relief <!channel>');
    expect(json).toContain('Step due: Fri, 15 Jan 2027, 12:00 (UTC)');
    expect(json).toContain('Acme <Outdoor> · Standpoint alert');
    expect(message.text).toBe('Alert: Expired without a decision: Flood relief &lt;!channel&gt;');
  });

  it('links to Standpoint with a button, and has none without a link', () => {
    const withLink = alertMessage(alert).blocks.find((block) => block.type === 'actions');
    expect(withLink).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Open the proposal' },
          url: alert.link.url,
        },
      ],
    });
    const without = alertMessage({ ...alert, link: null, facts: [] });
    expect(without.blocks.map((block) => block.type)).toEqual(['header', 'section', 'context']);
  });

  it("keeps Slack's limit of ten fields a section", () => {
    const facts = Array.from({ length: 12 }, (_, i) => [`Fact ${i}`, 'x'] as const);
    const fields = alertMessage({ ...alert, facts }).blocks.find((block) =>
      Array.isArray(block.fields),
    )?.fields as unknown[];
    expect(fields).toHaveLength(10);
  });
});
