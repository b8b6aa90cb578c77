import { ApprovalStepEntity } from '@standpoint/approvals';
import { CalendarFeedEntity, UserEntity } from '@standpoint/identity';
import { OutboxMessageEntity } from '@standpoint/notifications';
import {
  parseCalendar,
  ParsedCalendarEvent,
  TestBrand,
  TestMember,
  useTestApp,
} from '@standpoint/testing';
import { createHash } from 'node:crypto';
import { AppModule } from '../src/app.module';

const PUBLIC_URL = 'https://standpoint.example';
const HOST = 'standpoint.example';
/** After Europe's summer time starts (28 March 2027, 01:00 UTC) and America's (14 March). */
const SUMMER_DEADLINE = '2027-03-28T12:00:00.000Z';
/** Winter on both sides. */
const WINTER_PUBLICATION = '2027-01-15T12:00:00.000Z';

const DECIDE = `mutation ($input: DecideInput!) { decide(input: $input) { __typename } }`;
const SCHEDULE = `mutation ($input: ScheduleInput!) { schedule(input: $input) {
  __typename ... on Proposal { state } } }`;
const CREATE_FEED = 'mutation { createMyCalendarFeed { id url createdAt } }';
const REVOKE_FEED = 'mutation { revokeMyCalendarFeed }';

/** The local wall-clock time of `at` in `timeZone`, as a calendar app shows it: `14:00`. */
const wallClock = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);

/**
 * The secret calendar feed (`GET /calendar/<secret>.ics`): what it shows two approvers in two
 * time zones, parsed back as a calendar app would; that it follows membership now, never shows
 * another brand, keeps no secret in clear, and answers a bare 404 once revoked, rotated or its
 * user deactivated.
 */
describe('calendar feeds', () => {
  const app = useTestApp(AppModule, { PUBLIC_URL });
  let brand: TestBrand;
  let other: TestBrand;
  let otherAdmin: TestMember;
  let paris: TestMember;
  let newYork: TestMember;
  let inReviewId: string;
  let stepId: string;
  let stepDueAt: Date;
  let scheduledId: string;
  let otherInReviewId: string;
  let parisFeed: string;
  let newYorkFeed: string;

  /** The route of a feed's address on the test server (the address names PUBLIC_URL). */
  const fetchFeed = (url: string) => fetch(`${app.t.url}${new URL(url).pathname}`);
  const eventsOf = async (url: string): Promise<Map<string, ParsedCalendarEvent>> => {
    const response = await fetchFeed(url);
    expect(response.status).toBe(200);
    return parseCalendar(await response.text()).events;
  };
  const setTimeZone = (member: TestMember, timeZone: string) =>
    app.gql(
      'mutation ($zone: String!) { setMyTimeZone(timeZone: $zone) { timeZone } }',
      { zone: timeZone },
      member.token,
    );
  const createFeed = async (member: TestMember): Promise<string> =>
    (await app.data(CREATE_FEED, {}, member.token)).createMyCalendarFeed.url;

  beforeAll(async () => {
    const f = app.fixtures;
    [brand, other] = [await f.brand(), await f.brand()];
    const manager = await f.member(brand.id, ['SOCIAL_MANAGER']);
    paris = await f.member(brand.id, ['APPROVER']);
    newYork = await f.member(brand.id, ['APPROVER']);
    otherAdmin = await f.member(other.id, ['ADMIN']);
    const otherManager = await f.member(other.id, ['SOCIAL_MANAGER']);
    await f.member(other.id, ['APPROVER'], newYork);
    const policy = [{ name: 'Leadership', role: 'APPROVER', quorum: 'ANY', slaHours: 12 }];
    await f.policy(brand.id, policy);
    await f.policy(other.id, policy);
    expect((await setTimeZone(paris, 'Europe/Paris')).errors).toBeUndefined();
    expect((await setTimeZone(newYork, 'america/new_york')).errors).toBeUndefined();

    const inReview = await f.inReview(brand.id, manager.token, {
      title: 'Shelters tonight',
      decisionDeadline: SUMMER_DEADLINE,
    });
    inReviewId = inReview.id;
    const step = await app.t.asSystem((ctx) =>
      ctx.em.findOneByOrFail(ApprovalStepEntity, { proposalId: inReviewId }),
    );
    stepId = step.id;
    stepDueAt = step.dueAt!;

    const approved = await f.inReview(brand.id, manager.token, { title: 'Shelters staffed' });
    scheduledId = approved.id;
    const decided = await app.data(
      DECIDE,
      {
        input: {
          proposalId: scheduledId,
          outcome: 'APPROVE',
          contentHash: approved.contentHash,
          comment: 'Go',
        },
      },
      paris.token,
    );
    expect(decided.decide.__typename).toBe('Decision');
    const scheduled = await app.data(
      SCHEDULE,
      { input: { proposalId: scheduledId, publishAt: WINTER_PUBLICATION } },
      manager.token,
    );
    expect(scheduled.schedule.state).toBe('SCHEDULED');

    otherInReviewId = (
      await f.inReview(other.id, otherManager.token, {
        title: 'Other brand secret',
        decisionDeadline: SUMMER_DEADLINE,
      })
    ).id;
  });

  it('keeps each user’s IANA time zone, for them only, and refuses unknown names', async () => {
    const refused = await setTimeZone(paris, 'Mars/Olympus');
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refused.errors?.[0].message).toContain('timeZone');
    const read = (reader: TestMember, id: string) =>
      app.data(
        'query ($id: ID!) { node(id: $id) { ... on User { timeZone } } }',
        { id },
        reader.token,
      );
    expect((await read(paris, paris.id)).node.timeZone).toBe('Europe/Paris');
    expect((await read(newYork, newYork.id)).node.timeZone).toBe('America/New_York');
    // A colleague of the same brand sees the user, not where they are.
    expect((await read(newYork, paris.id)).node.timeZone).toBeNull();
  });

  it('answers each address once and stores only the hash of its secret', async () => {
    const created = (await app.data(CREATE_FEED, {}, paris.token)).createMyCalendarFeed;
    parisFeed = created.url;
    expect(parisFeed).toMatch(/^https:\/\/standpoint\.example\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    newYorkFeed = await createFeed(newYork);
    const secret = /calendar\/(.+)\.ics$/.exec(parisFeed)![1];
    const row = await app.t.asSystem((ctx) =>
      ctx.em.findOneByOrFail(CalendarFeedEntity, { userId: paris.id }),
    );
    expect(row.id).toBe(created.id);
    expect(row.secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret);
    const events = (await app.auditChain(brand.id)).filter((e) => e.entityId === created.id);
    expect(events.map((e) => [e.action, e.data])).toEqual([
      ['calendar_feed.created', { userId: paris.id, replacedFeedId: null }],
    ]);
    expect(JSON.stringify(await app.auditChain(brand.id))).not.toContain(secret);
  });

  it('shows the decisions owed and the scheduled publications, in UTC, under each user’s zone', async () => {
    const response = await fetchFeed(parisFeed);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(text).not.toContain('/decide/');
    const { calendar, events } = parseCalendar(text);
    expect(calendar['WR-TIMEZONE']).toBe('Europe/Paris');
    const page = (id: string) => `${PUBLIC_URL}/proposals/${id}/decision-record`;
    expect(events.get(`step-${stepId}@${HOST}`)).toMatchObject({
      summary: 'Decide: Shelters tonight',
      // iCalendar times are to the second.
      start: new Date(Math.floor(stepDueAt.getTime() / 1000) * 1000),
      url: page(inReviewId),
    });
    expect(events.get(`decision-deadline-${inReviewId}@${HOST}`)).toMatchObject({
      summary: 'Decision deadline: Shelters tonight',
      start: new Date(SUMMER_DEADLINE),
    });
    expect(events.get(`publication-${scheduledId}@${HOST}`)).toMatchObject({
      summary: 'Publishes: Shelters staffed',
      start: new Date(WINTER_PUBLICATION),
      url: page(scheduledId),
    });
    expect(events.size).toBe(3);
    // As Paris reads them: summer time at the deadline, winter at the publication.
    expect(wallClock(new Date(SUMMER_DEADLINE), String(calendar['WR-TIMEZONE']))).toBe('14:00');
    expect(wallClock(new Date(WINTER_PUBLICATION), String(calendar['WR-TIMEZONE']))).toBe('13:00');

    const theirs = await fetchFeed(newYorkFeed);
    const parsed = parseCalendar(await theirs.text());
    expect(parsed.calendar['WR-TIMEZONE']).toBe('America/New_York');
    const zone = String(parsed.calendar['WR-TIMEZONE']);
    expect(parsed.events.get(`decision-deadline-${inReviewId}@${HOST}`)?.start).toEqual(
      new Date(SUMMER_DEADLINE),
    );
    expect(wallClock(new Date(SUMMER_DEADLINE), zone)).toBe('08:00');
    expect(wallClock(new Date(WINTER_PUBLICATION), zone)).toBe('07:00');
    // New York also approves in the other brand: its deadline is theirs, not Paris's.
    expect(parsed.events.get(`decision-deadline-${otherInReviewId}@${HOST}`)).toBeDefined();
    expect(text).not.toContain(otherInReviewId);
    expect(text).not.toContain('Other brand secret');
  });

  it('drops a brand’s items as soon as the user leaves it', async () => {
    await app.data(
      'mutation ($brandId: ID!, $userId: ID!) { removeMember(brandId: $brandId, userId: $userId) { id } }',
      { brandId: other.id, userId: newYork.id },
      otherAdmin.token,
    );
    const events = await eventsOf(newYorkFeed);
    expect(events.get(`decision-deadline-${otherInReviewId}@${HOST}`)).toBeUndefined();
    expect(events.get(`decision-deadline-${inReviewId}@${HOST}`)).toBeDefined();
  });

  it('answers the same bare 404 for an unknown, replaced or revoked address', async () => {
    const unknown = await fetch(`${app.t.url}/calendar/${'A'.repeat(43)}.ics`);
    expect(unknown.status).toBe(404);
    const bare = await unknown.text();

    const replaced = parisFeed;
    parisFeed = await createFeed(paris);
    expect((await fetchFeed(replaced)).status).toBe(404);
    expect(await (await fetchFeed(replaced)).text()).toBe(bare);
    expect((await fetchFeed(parisFeed)).status).toBe(200);

    expect((await app.data(REVOKE_FEED, {}, paris.token)).revokeMyCalendarFeed).toBe(true);
    const revoked = await fetchFeed(parisFeed);
    expect(revoked.status).toBe(404);
    expect(await revoked.text()).toBe(bare);
    expect((await app.data(REVOKE_FEED, {}, paris.token)).revokeMyCalendarFeed).toBe(false);
    expect(
      await app.t.asSystem((ctx) => ctx.em.countBy(CalendarFeedEntity, { userId: paris.id })),
    ).toBe(0);
    const actions = (await app.auditChain(brand.id))
      .filter((e) => e.action.startsWith('calendar_feed.') && e.actorId === paris.id)
      .map((e) => e.action);
    expect(actions).toEqual([
      'calendar_feed.created',
      'calendar_feed.created',
      'calendar_feed.revoked',
    ]);
  });

  it('answers 404 once the user is deactivated', async () => {
    await app.data(
      'mutation ($id: ID!) { deactivateUser(userId: $id) { id } }',
      { id: newYork.id },
      await app.fixtures.admin(),
    );
    expect((await fetchFeed(newYorkFeed)).status).toBe(404);
  });

  it('lets an admin give a new member a time zone, and never change an existing user’s', async () => {
    const email = 'zone.newcomer@example.com';
    const add = (who: string, timeZone: string) =>
      app.gql(
        'mutation ($input: AddMemberInput!) { addMember(input: $input) { roles } }',
        {
          input: {
            brandId: other.id,
            email: who,
            name: 'Tom Zone',
            roles: ['CONTRIBUTOR'],
            timeZone,
          },
        },
        otherAdmin.token,
      );
    const userOf = (who: string) =>
      app.t.asSystem((ctx) => ctx.em.findOneBy(UserEntity, { email: who }));

    const refused = await add(email, 'Mars/Olympus');
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refused.errors?.[0].message).toContain('input.timeZone');
    expect(await userOf(email)).toBeNull();

    expect((await add(email, 'asia/tokyo')).errors).toBeUndefined();
    const newcomer = (await userOf(email))!;
    expect(newcomer.timeZone).toBe('Asia/Tokyo');
    const welcome = await app.t.asSystem((ctx) =>
      ctx.em.findOneByOrFail(OutboxMessageEntity, { recipientUserId: newcomer.id }),
    );
    expect(welcome.body).toContain('(Asia/Tokyo)');

    expect((await add(paris.email, 'Asia/Tokyo')).errors).toBeUndefined();
    expect((await userOf(paris.email))!.timeZone).toBe('Europe/Paris');
  });

  it('limits the fetches per address', async () => {
    let status = 0;
    for (let i = 0; i < 121 && status !== 429; i++) {
      const response = await fetch(`${app.t.url}/calendar/${'B'.repeat(43)}.ics`);
      status = response.status;
      if (status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      await response.text();
    }
    expect(status).toBe(429);
  });
});
