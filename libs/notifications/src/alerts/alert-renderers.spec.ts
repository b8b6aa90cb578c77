import { Alert } from './alert';
import { alertCard } from './alert-card';
import { alertEmail } from './alert-email';

const alert: Alert = {
  kind: 'DELIVERY_GAVE_UP',
  brandId: 'brd_1',
  brandName: 'Acme <Outdoor>',
  headline: 'A webhook delivery could not be delivered',
  summary: 'Standpoint gave up after 8 attempt(s).',
  facts: [
    ['Recipient', 'https://tool.example.com/hooks?x=<script>'],
    ['Attempts', '8'],
    ['Given up', new Date('2027-01-15T12:00:00Z')],
  ],
  link: {
    title: 'Open the proposal',
    url: 'https://standpoint.example.com/proposals/prp_1/decision-record',
  },
  payload: {},
};
const to = {
  userId: 'usr_1',
  email: 'ada@example.com',
  name: 'Ada',
  decisionUrl: null,
  timeZone: 'Europe/Paris',
};

describe('an alert', () => {
  it('as an email: the house layout, its facts in both parts, its text escaped in HTML', () => {
    const email = alertEmail(alert, to);
    expect(email.subject).toBe('Alert: A webhook delivery could not be delivered');
    expect(email.text).toContain('Recipient: https://tool.example.com/hooks?x=<script>');
    expect(email.text).toContain(
      'Open the proposal: https://standpoint.example.com/proposals/prp_1/decision-record',
    );
    expect(email.text).toContain('Given up: Fri, 15 Jan 2027, 13:00 (Europe/Paris)');
    expect(email.html).toContain('hooks?x=&lt;script&gt;');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('Acme &lt;Outdoor&gt;');
  });

  it('as a card: its headline, brand, facts and link, in the attention style', () => {
    expect(alertCard(alert)).toEqual({
      title: alert.headline,
      subtitle: 'Acme <Outdoor> · Standpoint alert',
      tone: 'attention',
      facts: [
        { title: 'Recipient', value: 'https://tool.example.com/hooks?x=<script>' },
        { title: 'Attempts', value: '8' },
        { title: 'Given up', value: 'Fri, 15 Jan 2027, 12:00 (UTC)' },
      ],
      text: alert.summary,
      link: alert.link,
    });
  });
});
