import {
  describeEveryEmail,
  EmailExamples,
  EXAMPLE_APPROVER as approver,
  EXAMPLE_DECISION_URL as DECISION_URL,
  EXAMPLE_READER as reader,
  occurrences,
} from '@standpoint/testing';
import {
  approvalRequestedEmail,
  approvedEmail,
  changesRequestedEmail,
  EmailDossier,
  escalationEmail,
  expiredEmail,
  freezeEndedEmail,
  freezeStartedEmail,
  overrideRecordedEmail,
  rejectedEmail,
  reminderEmail,
  stepUnsatisfiableEmail,
  wordsChangedEmail,
} from './index';

function matrixWith(cells: [number, number, number][]) {
  const severity = (score: number) =>
    score <= 4 ? 'LOW' : score <= 9 ? 'MEDIUM' : score <= 16 ? 'HIGH' : 'CRITICAL';
  return [1, 2, 3, 4, 5].map((l) =>
    [1, 2, 3, 4, 5].map((i) => ({
      count: cells.find(([cl, ci]) => cl === l && ci === i)?.[2] ?? 0,
      severity: severity(l * i),
    })),
  );
}

function dossier(text = (s: string) => s): EmailDossier {
  return {
    proposal: {
      brandName: text('Acme Outdoors'),
      title: text('Shelters tonight'),
      issue: text('Flood relief'),
      stanceType: 'ACTION_ANNOUNCEMENT',
      urgency: 'CRISIS',
      revisionNumber: 2,
      decisionDeadline: new Date('2026-12-02T18:00:00Z'),
      authorName: text('Sam Social'),
    },
    drafts: [
      { channel: 'X', body: text('Our stores are open as shelters tonight.'), mediaUrls: [] },
      {
        channel: 'Instagram',
        body: text('Every location.\nEvery night.'),
        mediaUrls: ['https://cdn.example/shelter.jpg'],
      },
    ],
    risks: [
      {
        category: 'PERFORMATIVE_ALLYSHIP',
        likelihood: 4,
        impact: 3,
        score: 12,
        severity: 'HIGH',
        status: 'OPEN',
        description: text('Shelters are not staffed yet'),
        mitigation: text('Staff volunteers by 18:00'),
      },
    ],
    riskMatrix: matrixWith([[4, 3, 1]]),
    riskScore: 12,
    evidence: [
      {
        kind: 'SURVEY_STAT',
        summary: text('70% want brands to act'),
        sourceUrl: 'https://survey.example/flood',
      },
      { kind: 'NEWS_COVERAGE', summary: 'Local news', sourceUrl: 'javascript:alert(1)' },
    ],
    recommendation: {
      recommendation: 'HOLD',
      rationale: text('Wait until the shelters are staffed'),
      byName: text('Sam Social'),
      revisionNumber: 2,
      current: true,
    },
  };
}

const step = {
  name: 'Leadership',
  dueAt: new Date('2026-12-01T19:00:00Z'),
  requiredApprovals: 2,
};

const decision = (text = (s: string) => s) => ({
  proposal: dossier(text).proposal,
  step: text('Leadership'),
  approverName: text('Dana Ceo'),
  comment: text('Name the shelter hours first.'),
});

/** Every approval email, rendered with the facts its notices give it. */
const everyEmail: EmailExamples = (text = (s) => s) => {
  const d = dossier(text);
  return [
    ['approval requested', approvalRequestedEmail({ dossier: d, step }, approver)],
    ['reminder', reminderEmail({ dossier: d, step, kind: 'REMIND_LATE' }, approver)],
    [
      'escalation',
      escalationEmail(
        {
          dossier: d,
          step,
          deputyIds: [approver.userId],
          deputyNames: [text('Dee Puty')],
          originalApproverNames: [text('Lee Der')],
        },
        approver,
      ),
    ],
    [
      'words changed',
      wordsChangedEmail(
        {
          proposal: d.proposal,
          revisedByName: text('Sam Social'),
          from: { revisionNumber: 1, drafts: [{ channel: 'X', body: text('Old'), mediaUrls: [] }] },
          to: { revisionNumber: 2, drafts: d.drafts },
        },
        reader,
      ),
    ],
    ['changes requested', changesRequestedEmail(decision(text), reader)],
    ['rejected', rejectedEmail(decision(text), reader)],
    [
      'approved',
      approvedEmail({ ...decision(text), proposalApproved: true, nextStep: null }, reader),
    ],
    [
      'expired',
      expiredEmail({ proposal: d.proposal, step: text('Leadership'), dueAt: step.dueAt }, reader),
    ],
    [
      'override recorded',
      overrideRecordedEmail(
        {
          ...decision(text),
          overrideWords: text("approved against the team's HOLD recommendation"),
          againstTeam: true,
          acknowledgedReasons: [text('The team recommends HOLD')],
          recommendation: d.recommendation,
        },
        reader,
      ),
    ],
    [
      'freeze started',
      freezeStartedEmail(
        {
          brandName: text('Acme'),
          reason: text('Election night'),
          startedByName: text('Ada Admin'),
          endsAt: null,
          unscheduledTitles: [text('Shelters tonight')],
        },
        reader,
      ),
    ],
    [
      'freeze ended',
      freezeEndedEmail(
        {
          brandName: text('Acme'),
          reason: text('Election night'),
          startedAt: new Date('2026-12-01T09:00:00Z'),
          endedAt: new Date('2026-12-01T11:00:00Z'),
          endedByName: text('Ada Admin'),
        },
        reader,
      ),
    ],
    [
      'step unsatisfiable',
      stepUnsatisfiableEmail(
        {
          proposal: d.proposal,
          step: text('Legal'),
          leftName: text('Lee Legal'),
          why: 'was removed from the brand',
          approvals: 1,
          required: 2,
          remainingNames: [text('Dana Ceo')],
        },
        reader,
      ),
    ],
  ];
};

describe('the approval emails', () => {
  describeEveryEmail(everyEmail);

  describe('asking for a decision (request, reminder, escalation)', () => {
    const asking = everyEmail().filter(([kind]) =>
      ['approval requested', 'reminder', 'escalation'].includes(kind),
    );

    it.each(asking)('%s carries exactly one decision link in each part', (_, email) => {
      expect(occurrences(email.html, DECISION_URL)).toBe(1);
      expect(occurrences(email.text, DECISION_URL)).toBe(1);
      expect(occurrences(email.html, '/decide/')).toBe(1);
      expect(occurrences(email.text, '/decide/')).toBe(1);
    });

    it('refuses to render without a decision link', () => {
      expect(() => approvalRequestedEmail({ dossier: dossier(), step }, reader)).toThrow(
        /decision link/,
      );
    });

    it('shows what is proposed and why now, the drafts, the recommendation, the risks, the evidence and the deadline', () => {
      const email = approvalRequestedEmail({ dossier: dossier(), step }, approver);
      expect(email.subject).toBe('Approval requested: Shelters tonight');
      for (const part of [email.html, email.text]) {
        expect(part).toContain('Shelters tonight');
        expect(part).toContain('Flood relief');
        expect(part).toContain('Action announcement');
        expect(part).toContain('A crisis');
        expect(part).toContain('Our stores are open as shelters tonight.');
        expect(part).toContain('Instagram');
        expect(part).toContain('https://cdn.example/shelter.jpg');
        expect(part).toContain('Hold, by Sam Social on this revision');
        expect(part).toContain('Wait until the shelters are staffed');
        expect(part).toContain('Performative allyship: likelihood 4 × impact 3 = 12 (HIGH, Open)');
        expect(part).toContain('Shelters are not staffed yet');
        expect(part).toContain('70% want brands to act');
        expect(part).toContain('Tue, 1 Dec 2026, 20:00 (Europe/Paris)');
        expect(part).toContain('Leadership');
        expect(part).toContain('2 approvals');
      }
      // The drafts keep their line breaks.
      expect(email.html).toContain('Every location.<br>Every night.');
      expect(email.text).toContain('> Every location.\n> Every night.');
      // The matrix: 5 × 5 cells, the one open risk at likelihood 4 (second row from the top), impact 3.
      expect(email.html.match(/background:#(d1fae5|fef3c7|fed7aa|fecaca)/g)).toHaveLength(25);
      expect(email.html).toMatch(/background:#fed7aa;font-weight:bold;"\s*>\s*1\s*<\/td/);
      expect(email.text).toMatch(/^\s+4\s+\.\s+\.\s+1\s+\.\s+\.$/m);
      // A source that is not a web address is shown, never linked.
      expect(email.html).toContain('href="https://survey.example/flood"');
      expect(email.html).toContain('(source: javascript:alert(1))');
    });

    it('tells a deputy they were escalated to, and an original approver that they may still decide', () => {
      const facts = {
        dossier: dossier(),
        step,
        deputyIds: ['usr_deputy'],
        deputyNames: ['Dee Puty'],
        originalApproverNames: ['Lee Der'],
      };
      const deputy = escalationEmail(facts, { ...approver, userId: 'usr_deputy' });
      const original = escalationEmail(facts, { ...approver, userId: 'usr_leader' });
      expect(deputy.text).toContain('escalated to you as a deputy of Lee Der');
      expect(original.text).toContain('escalated to Dee Puty. You may still decide.');
    });
  });

  describe('words changed', () => {
    const email = wordsChangedEmail(
      {
        proposal: dossier().proposal,
        revisedByName: 'Sam Social',
        from: {
          revisionNumber: 1,
          drafts: [
            { channel: 'X', body: 'Our stores are open tonight', mediaUrls: [] },
            { channel: 'Facebook', body: 'Gone soon', mediaUrls: [] },
          ],
        },
        to: {
          revisionNumber: 2,
          drafts: [
            { channel: 'X', body: 'Our shops are open tonight and tomorrow', mediaUrls: [] },
            { channel: 'LinkedIn', body: 'A new channel', mediaUrls: [] },
          ],
        },
      },
      reader,
    );

    it('shows the removed and the added words of each channel in the HTML', () => {
      expect(email.html).toMatch(/<del [^>]*>stores<\/del\s*>/);
      expect(email.html).toMatch(/<ins [^>]*>shops<\/ins\s*>/);
      expect(email.html).toMatch(/<ins [^>]*> and tomorrow<\/ins\s*>/);
      expect(email.html).toContain('X (changed)');
      expect(email.html).toContain('LinkedIn (new channel)');
      expect(email.html).toContain('Facebook (channel removed)');
      expect(email.html).toMatch(/<del [^>]*>Gone soon<\/del\s*>/);
    });

    it('writes the same diff readably in the text part', () => {
      expect(email.text).toContain(
        'Removed words are shown [-like this-], added words {+like this+}.',
      );
      expect(email.text).toContain(
        'X (changed):\n  Our [-stores-]{+shops+} are open tonight{+ and tomorrow+}',
      );
      expect(email.text).toContain('LinkedIn (new channel):\n  {+A new channel+}');
      expect(email.text).toContain('Facebook (channel removed):\n  [-Gone soon-]');
      expect(email.text).toContain('REVISION 1 → 2');
    });

    it('carries no decision link: a new request follows for the new words', () => {
      expect(email.html).not.toContain('/decide/');
      expect(email.text).toContain('you get a new request for the new words');
    });
  });

  describe('decisions told to the author and the team', () => {
    it.each([
      [
        'changes requested',
        changesRequestedEmail(decision(), reader),
        'Changes requested: Shelters tonight',
      ],
      ['rejected', rejectedEmail(decision(), reader), 'Rejected: Shelters tonight'],
    ])('%s carries the comment', (_, email, subject) => {
      expect(email.subject).toBe(subject);
      expect(email.html).toContain('Name the shelter hours first.');
      expect(email.text).toContain('> Name the shelter hours first.');
      expect(email.text).toContain('Decided by: Dana Ceo');
    });

    it('an approval says whether the proposal is approved or which step is next', () => {
      const last = approvedEmail({ ...decision(), proposalApproved: true, nextStep: null }, reader);
      const middle = approvedEmail(
        { ...decision(), proposalApproved: false, nextStep: 'Legal' },
        reader,
      );
      expect(last.subject).toBe('Approved: Shelters tonight');
      expect(last.text).toContain('can be scheduled');
      expect(middle.text).toContain('moves on to the step "Legal"');
    });

    it('an override tells the team whose warning was overruled, by whom, and why', () => {
      const email = overrideRecordedEmail(
        {
          ...decision(),
          comment: 'Lives are at stake tonight',
          overrideWords:
            "approved against the team's HOLD recommendation and accepted 1 open high risk: performative allyship (score 12)",
          againstTeam: true,
          acknowledgedReasons: [
            'The team recommends HOLD',
            'An open HIGH risk (PERFORMATIVE_ALLYSHIP, score 12)',
          ],
          recommendation: dossier().recommendation,
        },
        reader,
      );
      expect(email.subject).toBe('Override recorded: Shelters tonight');
      expect(email.text).toContain('Your recommendation was overruled: Shelters tonight');
      expect(email.text).toContain(
        "Dana Ceo approved against the team's HOLD recommendation and accepted 1 open high risk: performative allyship (score 12), and acknowledged it on the record.",
      );
      expect(email.html).toContain('accepted 1 open high risk: performative allyship (score 12)');
      for (const part of [email.html, email.text]) {
        expect(part).toContain('Dana Ceo');
        expect(part).toContain('The team recommends HOLD');
        expect(part).toContain('An open HIGH risk (PERFORMATIVE_ALLYSHIP, score 12)');
        expect(part).toContain('Lives are at stake tonight');
        expect(part).toContain('Wait until the shelters are staffed');
      }
    });

    it('an approval past open risks only is told as risks accepted, not as the team overruled', () => {
      const email = overrideRecordedEmail(
        {
          ...decision(),
          overrideWords:
            'approved and accepted 2 open high risks: backlash (score 12), safety (score 10)',
          againstTeam: false,
          acknowledgedReasons: [
            'An open HIGH risk (BACKLASH, score 12)',
            'An open HIGH risk (SAFETY, score 10)',
          ],
          recommendation: { ...dossier().recommendation!, recommendation: 'PROCEED' },
        },
        reader,
      );
      expect(email.text).toContain('Open risks accepted: Shelters tonight');
      expect(email.text).not.toMatch(/overruled/i);
      expect(email.text).toContain(
        'Dana Ceo approved and accepted 2 open high risks: backlash (score 12), safety (score 10), and acknowledged it on the record.',
      );
      expect(email.text).toContain('Your recommendation: Proceed');
    });

    it('a rejection against PROCEED is told as the team overruled, with nothing acknowledged', () => {
      const words = 'rejected although the team recommended PROCEED';
      const email = overrideRecordedEmail(
        {
          ...decision(),
          overrideWords: words,
          againstTeam: true,
          acknowledgedReasons: [],
          recommendation: { ...dossier().recommendation!, recommendation: 'PROCEED' },
        },
        reader,
      );
      expect(email.text).toContain(`Dana Ceo ${words}.`);
      expect(email.text).not.toContain('acknowledged');
      expect(email.text).toContain('> Name the shelter hours first.');
      const notice = rejectedEmail({ ...decision(), overrideWords: words }, reader);
      for (const part of [notice.html, notice.text]) expect(part).toContain(`Dana Ceo ${words}.`);
      expect(rejectedEmail(decision(), reader).text).not.toContain('although');
    });
  });

  it("writes every time on its recipient's clock, with their zone named", () => {
    const timed = ['approval requested', 'reminder', 'escalation', 'expired', 'freeze ended'];
    for (const [kind, email] of everyEmail()) {
      for (const part of [email.html, email.text]) {
        expect(part).not.toMatch(/\d\d:\d\d UTC/);
        if (timed.includes(kind)) expect(part).toMatch(/\d\d:\d\d \(Europe\/Paris\)/);
      }
    }
    const inNewYork = reminderEmail(
      { dossier: dossier(), step, kind: 'REMIND_LATE' },
      { ...approver, timeZone: 'America/New_York' },
    );
    expect(inNewYork.text).toContain('Tue, 1 Dec 2026, 14:00 (America/New_York)');
    expect(inNewYork.text).not.toContain('Europe/Paris');
  });

  it('a freeze says why, by whom, until when, and what it unscheduled; its end says how it ended', () => {
    const [, started] = everyEmail().find(([kind]) => kind === 'freeze started')!;
    const [, ended] = everyEmail().find(([kind]) => kind === 'freeze ended')!;
    expect(started.text).toContain('Reason: Election night');
    expect(started.text).toContain('Started by: Ada Admin');
    expect(started.text).toContain('- Shelters tonight');
    expect(ended.text).toContain('Ended by: Ada Admin');
    const automatic = freezeEndedEmail(
      {
        brandName: 'Acme',
        reason: 'Election night',
        startedAt: new Date('2026-12-01T09:00:00Z'),
        endedAt: new Date('2026-12-01T11:00:00Z'),
        endedByName: null,
      },
      reader,
    );
    expect(automatic.text).toContain('Ended by: itself, at its planned end');
  });

  it('a stuck step names who left and why, what it has, who is left, and what admins can do', () => {
    const [, email] = everyEmail().find(([kind]) => kind === 'step unsatisfiable')!;
    expect(email.subject).toBe('Stuck: Shelters tonight');
    expect(email.text).toContain('Lee Legal was removed from the brand');
    expect(email.text).toContain('Approvals: 1 of 2 needed');
    expect(email.text).toContain('Still asked: Dana Ceo.');
    expect(email.text).toContain('Add a member who holds a role the step accepts');
  });
});
