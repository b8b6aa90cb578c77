import { decisionRecordLines } from './decision-record-lines';
import {
  DraftChangeKind,
  RecordEvent,
  RecordLineKind,
  TextPartKind,
} from './decision-record-types';
import { draftChanges } from './draft-changes';

const BRAND = 'brd_1';
const PROPOSAL = { id: 'prp_1', brandId: BRAND, currentRevisionNumber: 2, reviewRound: 1 };
const REVISIONS = [
  {
    number: 1,
    contentHash: 'h1',
    drafts: [{ channel: 'X', body: 'Open tonight.', mediaUrls: [] }],
  },
  {
    number: 2,
    contentHash: 'h2',
    drafts: [
      { channel: 'X', body: 'Open every night.', mediaUrls: [] },
      { channel: 'BLUESKY', body: 'Shelters open.', mediaUrls: ['https://img/1'] },
    ],
  },
];

function event(
  seq: number,
  action: string,
  data: object,
  entity: [string, string] = ['Proposal', PROPOSAL.id],
  actorLabel = 'manager@example.test',
): RecordEvent {
  return {
    id: `aud_${seq}`,
    brandId: BRAND,
    seq,
    hash: `hash-${seq}`,
    at: new Date(Date.UTC(2026, 0, 1, 0, seq)),
    actorId: actorLabel === 'system' ? null : `usr_${actorLabel}`,
    actorLabel,
    action,
    entityType: entity[0],
    entityId: entity[1],
    data,
  };
}

const override = event(
  9,
  'decision.recorded',
  {
    proposalId: PROPOSAL.id,
    step: 'Leadership',
    round: 1,
    outcome: 'APPROVE',
    comment: 'People need shelter tonight',
    channel: 'API',
    revisionNumber: 1,
    contentHash: 'h1',
    override: {
      acknowledged: ['The team recommends HOLD'],
      recommendation: { recommendation: 'HOLD', rationale: 'Wait', revisionNumber: 1, by: 'usr_m' },
      openRisks: [{ category: 'BACKLASH', likelihood: 4, impact: 4 }],
    },
    seen: { revision: 'h1', evidence: 'e-hash', riskNotes: 'r-hash' },
    proposalState: { from: 'IN_REVIEW', to: 'IN_REVIEW' },
  },
  ['Decision', 'dcs_1'],
  'leader@example.test',
);

const STORY: RecordEvent[] = [
  event(4, 'proposal.created', { revision: { number: 1, contentHash: 'h1' } }),
  event(2, 'content_freeze.started', { reason: 'Before the proposal' }, ['ContentFreeze', 'frz_0']),
  event(
    5,
    'risk_note.added',
    { proposalId: PROPOSAL.id, category: 'BACKLASH', score: 16, severity: 'HIGH' },
    ['RiskNote', 'rsk_1'],
  ),
  event(6, 'recommendation.set', {
    before: null,
    after: { recommendation: 'HOLD', rationale: 'Wait', revisionNumber: 1 },
  }),
  event(
    7,
    'comment.added',
    { proposalId: PROPOSAL.id, body: 'Is @ops@example.test staffed?', mentionedUserIds: ['usr_o'] },
    ['Comment', 'cmt_1'],
    'reviewer@example.test',
  ),
  event(8, 'proposal.submitted', { from: 'DRAFT', to: 'IN_REVIEW', round: 1 }),
  override,
  event(10, 'content_freeze.started', { reason: 'Storm' }, ['ContentFreeze', 'frz_1']),
  event(
    11,
    'risk_note.updated',
    {
      proposalId: PROPOSAL.id,
      before: { status: 'OPEN', mitigation: null },
      after: { status: 'MITIGATED', mitigation: 'Staffed' },
    },
    ['RiskNote', 'rsk_1'],
  ),
  event(12, 'proposal.revised', { from: { revision: 1 }, to: { revision: 2, contentHash: 'h2' } }),
  event(13, 'step.escalated', { step: 'Leadership' }, undefined, 'system'),
  event(14, 'proposal.withdrawn', {
    reason: 'Too late',
    state: { from: 'IN_REVIEW', to: 'WITHDRAWN' },
  }),
  event(15, 'content_freeze.ended', { reason: 'Storm' }, ['ContentFreeze', 'frz_1']),
];

describe('decisionRecordLines', () => {
  const lines = () =>
    decisionRecordLines(
      PROPOSAL,
      REVISIONS,
      STORY.filter((e) => e.entityType !== 'ContentFreeze'),
      STORY.filter((e) => e.entityType === 'ContentFreeze'),
    );

  it('tells the story in audit order, with the id, sequence number and hash of each event', () => {
    expect(lines().map((l) => [l.auditEventId, l.seq, l.hash, l.kind])).toEqual(
      [
        [4, RecordLineKind.PROPOSED],
        [5, RecordLineKind.RISK_NOTE],
        [6, RecordLineKind.RECOMMENDATION],
        [7, RecordLineKind.COMMENT],
        [8, RecordLineKind.SUBMITTED],
        [9, RecordLineKind.DECISION],
        [10, RecordLineKind.FREEZE],
        [11, RecordLineKind.RISK_NOTE],
        [12, RecordLineKind.REVISED],
        [13, RecordLineKind.ESCALATION],
        [14, RecordLineKind.WITHDRAWAL],
      ].map(([seq, kind]) => [`aud_${seq}`, seq, `hash-${seq}`, kind]),
    );
  });

  it('tells a comment: who wrote it, its words and whom it mentions', () => {
    expect(lines().find((l) => l.kind === RecordLineKind.COMMENT)).toMatchObject({
      auditEventId: 'aud_7',
      actorLabel: 'reviewer@example.test',
      summary: 'Commented, mentioning 1 member',
      comment: {
        commentId: 'cmt_1',
        body: 'Is @ops@example.test staffed?',
        mentionedUserIds: ['usr_o'],
      },
    });
  });

  it('tells an evidence correction with what it replaces, and a withdrawal with its reason', () => {
    const content = (summary: string) => ({
      kind: 'SURVEY_STAT',
      summary,
      sourceUrl: `https://example.test/${summary}`,
      capturedAt: null,
      details: null,
    });
    const evidence = (seq: number, action: string, id: string, data: object) =>
      event(seq, action, { proposalId: PROPOSAL.id, ...data }, ['Evidence', id]);
    const told = decisionRecordLines(
      PROPOSAL,
      REVISIONS,
      [
        evidence(20, 'evidence.added', 'evd_1', content('60%')),
        evidence(21, 'evidence.corrected', 'evd_2', {
          corrects: 'evd_1',
          reason: 'Misread the chart',
          before: content('60%'),
          after: content('70%'),
        }),
        evidence(22, 'evidence.withdrawn', 'evd_2', {
          reason: 'The survey was retracted',
          kind: 'SURVEY_STAT',
          summary: '70%',
        }),
      ],
      [],
    );
    expect(told.map((l) => [l.auditEventId, l.kind])).toEqual([
      ['aud_20', RecordLineKind.EVIDENCE],
      ['aud_21', RecordLineKind.EVIDENCE],
      ['aud_22', RecordLineKind.EVIDENCE],
    ]);
    expect(told[1]).toMatchObject({
      summary: 'Evidence corrected: SURVEY_STAT — 70% (was: 60%)',
      reason: 'Misread the chart',
      evidence: {
        evidenceId: 'evd_2',
        summary: '70%',
        sourceUrl: 'https://example.test/70%',
        correctsId: 'evd_1',
        before: { kind: 'SURVEY_STAT', summary: '60%', sourceUrl: 'https://example.test/60%' },
      },
    });
    expect(told[2]).toMatchObject({
      summary: 'Evidence withdrawn: SURVEY_STAT — 70%',
      reason: 'The survey was retracted',
      evidence: { evidenceId: 'evd_2', summary: '70%', correctsId: null, before: null },
    });
  });

  it('leaves out events of other proposals and brands', () => {
    const foreign = [
      { ...event(20, 'proposal.retracted', {}), entityId: 'prp_2' },
      { ...event(21, 'proposal.retracted', {}), brandId: 'brd_2' },
      event(22, 'evidence.added', { proposalId: 'prp_2', summary: 'x' }, ['Evidence', 'evd_9']),
      event(23, 'comment.added', { proposalId: 'prp_2', body: 'x' }, ['Comment', 'cmt_9']),
      { ...event(24, 'comment.added', { proposalId: PROPOSAL.id, body: 'x' }), brandId: 'brd_2' },
    ];
    expect(decisionRecordLines(PROPOSAL, REVISIONS, foreign, [])).toEqual([]);
  });

  it('marks an override with the overruled recommendation, the acknowledgement and the approver', () => {
    const decision = lines().find((l) => l.kind === RecordLineKind.DECISION)!;
    expect(decision.summary).toContain('OVERRIDE');
    expect(decision.actorLabel).toBe('leader@example.test');
    expect(decision.decision).toMatchObject({
      decisionId: 'dcs_1',
      approverLabel: 'leader@example.test',
      contentHash: 'h1',
      seen: { revision: 'h1', evidence: 'e-hash', riskNotes: 'r-hash' },
      teamRecommendation: { recommendation: 'HOLD', revisionNumber: 1 },
      override: {
        acknowledgedReasons: ['The team recommends HOLD'],
        acknowledgement: 'People need shelter tonight',
        recommendation: { recommendation: 'HOLD', rationale: 'Wait', revisionNumber: 1 },
        openRisks: [{ category: 'BACKLASH', likelihood: 4, impact: 4 }],
      },
      // Revision 2 replaced the words it approved.
      stale: true,
    });
    expect(decision.state).toBeNull();
  });

  describe('what a decision went against', () => {
    /** A decision on revision 1 after the team recommended `recommendation` on it. */
    const decided = (recommendation: string, data: object) =>
      decisionRecordLines(
        PROPOSAL,
        REVISIONS,
        [
          event(6, 'recommendation.set', {
            after: { recommendation, rationale: 'Our reasons', revisionNumber: 1 },
          }),
          event(
            9,
            'decision.recorded',
            {
              proposalId: PROPOSAL.id,
              step: 'Leadership',
              round: 1,
              revisionNumber: 1,
              contentHash: 'h1',
              comment: 'On the record',
              ...data,
            },
            ['Decision', 'dcs_9'],
            'leader@example.test',
          ),
        ],
        [],
      ).find((l) => l.kind === RecordLineKind.DECISION)!;

    it('tells an approval against the team and each risk it accepted, as recorded', () => {
      const line = decided('HOLD', {
        outcome: 'APPROVE',
        againstTeam: { recommendation: 'HOLD', rationale: 'Our reasons', revisionNumber: 1 },
        acceptedRisks: [
          {
            category: 'BACKLASH',
            likelihood: 4,
            impact: 3,
            score: 12,
            severity: 'HIGH',
            description: 'Boycott calls',
          },
        ],
        override: {
          acknowledged: ['The team recommends HOLD', 'An open HIGH risk (BACKLASH, score 12)'],
          recommendation: { recommendation: 'HOLD', rationale: 'Our reasons', revisionNumber: 1 },
          openRisks: [{ category: 'BACKLASH', likelihood: 4, impact: 3 }],
        },
      });
      expect(line.summary).toBe(
        "Approved on step Leadership, revision 1 — OVERRIDE: approved against the team's HOLD recommendation and accepted 1 open high risk: backlash (score 12)",
      );
      expect(line.decision).toMatchObject({
        againstTeam: { recommendation: 'HOLD', revisionNumber: 1 },
        acceptedRisks: [
          { category: 'BACKLASH', score: 12, severity: 'HIGH', description: 'Boycott calls' },
        ],
      });
    });

    it('tells an approval past open risks that the team recommended as accepting risks, not overruling', () => {
      const line = decided('PROCEED', {
        outcome: 'APPROVE',
        againstTeam: null,
        acceptedRisks: [
          { category: 'SAFETY', likelihood: 4, impact: 5, score: 20, severity: 'CRITICAL' },
        ],
        override: {
          acknowledged: ['An open CRITICAL risk (SAFETY, score 20)'],
          recommendation: null,
          openRisks: [{ category: 'SAFETY', likelihood: 4, impact: 5 }],
        },
      });
      expect(line.summary).toBe(
        'Approved on step Leadership, revision 1 — OVERRIDE: approved and accepted 1 open critical risk: safety (score 20)',
      );
      expect(line.summary).not.toContain('against the team');
      expect(line.decision!.againstTeam).toBeNull();
    });

    it('tells a rejection against PROCEED as going against the team, with nothing acknowledged', () => {
      const line = decided('PROCEED', {
        outcome: 'REJECT',
        againstTeam: { recommendation: 'PROCEED', rationale: 'Our reasons', revisionNumber: 1 },
        acceptedRisks: [],
        override: null,
      });
      expect(line.summary).toBe(
        'Rejected on step Leadership, revision 1 — AGAINST THE TEAM: rejected although the team recommended PROCEED',
      );
      expect(line.decision).toMatchObject({ override: null, acceptedRisks: [] });
    });

    it('marks nothing for a decision that went against nothing', () => {
      for (const [recommendation, outcome] of [
        ['PROCEED', 'APPROVE'],
        ['HOLD', 'REJECT'],
        ['PROCEED', 'REQUEST_CHANGES'],
      ]) {
        const line = decided(recommendation, {
          outcome,
          againstTeam: null,
          acceptedRisks: [],
          override: null,
        });
        expect(line.summary).toBe(
          `${{ APPROVE: 'Approved', REJECT: 'Rejected', REQUEST_CHANGES: 'Changes requested' }[outcome]} on step Leadership, revision 1`,
        );
        expect(line.decision).toMatchObject({ againstTeam: null, overrideWords: null });
      }
    });

    describe('in events recorded before these fields existed', () => {
      it('does not call an approval with PROCEED recommended an overruling, and lists the risks it acknowledged', () => {
        // Older events named the latest recommendation in `override`, whatever it was.
        const line = decided('PROCEED', {
          outcome: 'APPROVE',
          override: {
            acknowledged: ['An open HIGH risk (BACKLASH, score 16)'],
            recommendation: { recommendation: 'PROCEED', rationale: 'Go', revisionNumber: 1 },
            openRisks: [
              { category: 'BACKLASH', likelihood: 4, impact: 4 },
              { category: 'OTHER', likelihood: 1, impact: 2 },
            ],
          },
        });
        expect(line.decision).toMatchObject({
          againstTeam: null,
          acceptedRisks: [{ category: 'BACKLASH', score: 16, severity: 'HIGH', description: null }],
        });
        expect(line.summary).toBe(
          'Approved on step Leadership, revision 1 — OVERRIDE: approved and accepted 1 open high risk: backlash (score 16)',
        );
      });

      it('reads an approval against HOLD as against the team', () => {
        const line = decided('HOLD', {
          outcome: 'APPROVE',
          override: {
            acknowledged: ['The team recommends HOLD'],
            recommendation: { recommendation: 'HOLD', rationale: 'Wait', revisionNumber: 1 },
            openRisks: [],
          },
        });
        expect(line.decision!.againstTeam).toMatchObject({ recommendation: 'HOLD' });
        expect(line.summary).toContain("OVERRIDE: approved against the team's HOLD recommendation");
      });

      it('finds a rejection against PROCEED from the recommendation the record holds', () => {
        const line = decided('PROCEED', { outcome: 'REJECT', override: null });
        expect(line.decision!.againstTeam).toMatchObject({ recommendation: 'PROCEED' });
        expect(line.summary).toContain(
          'AGAINST THE TEAM: rejected although the team recommended PROCEED',
        );
        expect(
          decided('HOLD', { outcome: 'REJECT', override: null }).decision!.againstTeam,
        ).toBeNull();
      });
    });
  });

  it('shows what a revision changed, channel by channel', () => {
    const revised = lines().find((l) => l.kind === RecordLineKind.REVISED)!;
    expect(revised.summary).toBe('Revision 2 written (X changed, BLUESKY added)');
    const [x, bluesky] = revised.revision!.changes;
    expect(x.parts).toEqual([
      { kind: TextPartKind.SAME, text: 'Open ' },
      { kind: TextPartKind.REMOVED, text: 'tonight' },
      { kind: TextPartKind.ADDED, text: 'every night' },
      { kind: TextPartKind.SAME, text: '.' },
    ]);
    expect(bluesky).toMatchObject({
      change: DraftChangeKind.ADDED,
      addedMediaUrls: ['https://img/1'],
    });
  });

  it('keeps what a risk note warned of when its status changes', () => {
    const updated = lines().find((l) => l.action === 'risk_note.updated')!;
    expect(updated.riskNote).toMatchObject({
      category: 'BACKLASH',
      severity: 'HIGH',
      status: 'MITIGATED',
      previousStatus: 'OPEN',
      mitigation: 'Staffed',
    });
  });

  it('tells freezes only while they could touch the proposal, and the withdrawal with its reason', () => {
    const freezes = lines().filter((l) => l.kind === RecordLineKind.FREEZE);
    expect(freezes.map((l) => [l.seq, l.reason])).toEqual([[10, 'Storm']]);
    expect(lines().at(-1)).toMatchObject({
      reason: 'Too late',
      state: { from: 'IN_REVIEW', to: 'WITHDRAWN' },
    });
  });
});

describe('draftChanges', () => {
  it('lists a dropped channel as removed, and an untouched one as unchanged', () => {
    const drafts = [{ channel: 'X', body: 'Same', mediaUrls: [] }];
    expect(draftChanges(drafts, drafts)[0].change).toBe(DraftChangeKind.UNCHANGED);
    expect(draftChanges(drafts, [])).toEqual([
      {
        channel: 'X',
        change: DraftChangeKind.REMOVED,
        parts: [{ kind: TextPartKind.REMOVED, text: 'Same' }],
        addedMediaUrls: [],
        removedMediaUrls: [],
      },
    ]);
  });
});
