import { SlackRequestRefusal, slackRequestRefusal, slackSignature } from './request-signature';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const now = new Date('2026-12-06T12:00:00Z');
const nowSeconds = String(now.getTime() / 1000);
const body = Buffer.from('token=x&team_id=T1&command=%2Fstandpoint&text=link+abc');

const signed = (timestamp = nowSeconds, secret = SECRET, raw = body) => ({
  timestamp,
  signature: slackSignature(secret, timestamp, raw),
  rawBody: body,
});

describe('slackRequestRefusal', () => {
  it("believes a request signed with the workspace's secret, within the window", () => {
    expect(slackRequestRefusal(SECRET, signed(), now)).toBeNull();
    expect(slackRequestRefusal(SECRET, signed(String(Number(nowSeconds) - 300)), now)).toBeNull();
  });

  it('matches the example of Slack’s documentation', () => {
    const raw = Buffer.from(
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
    );
    expect(slackSignature(SECRET, '1531420618', raw)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it('refuses a request signed with another secret, or over other bytes', () => {
    expect(slackRequestRefusal(SECRET, signed(nowSeconds, 'another secret'), now)).toBe(
      SlackRequestRefusal.FORGED,
    );
    expect(
      slackRequestRefusal(SECRET, signed(nowSeconds, SECRET, Buffer.from('text=unlink')), now),
    ).toBe(SlackRequestRefusal.FORGED);
  });

  it('refuses a timestamp more than five minutes away, either way', () => {
    for (const offset of [-301, 301]) {
      expect(slackRequestRefusal(SECRET, signed(String(Number(nowSeconds) + offset)), now)).toBe(
        SlackRequestRefusal.STALE,
      );
    }
  });

  it('refuses a request without its headers, or with headers not in their form', () => {
    const good = signed();
    for (const request of [
      { ...good, timestamp: undefined },
      { ...good, signature: undefined },
      { ...good, timestamp: '12.5' },
      { ...good, signature: good.signature.replace('v0=', 'v1=') },
      { ...good, signature: `${good.signature}00` },
    ]) {
      expect(slackRequestRefusal(SECRET, request, now)).toBe(SlackRequestRefusal.UNSIGNED);
    }
  });
});
