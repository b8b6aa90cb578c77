import { AuditedChange, proposalChange } from './proposal-change';

const at = new Date('2025-01-01T00:00:00.000Z');
const event = (over: Partial<AuditedChange>): AuditedChange => ({
  seq: 7,
  action: 'proposal.created',
  entityType: 'Proposal',
  entityId: 'prp_1',
  at,
  data: {},
  ...over,
});

describe('proposalChange', () => {
  it('names the proposal of an event about the proposal itself', () => {
    expect(proposalChange(event({ action: 'proposal.revised' }))).toEqual({
      seq: 7,
      proposalId: 'prp_1',
      action: 'proposal.revised',
      at,
    });
  });

  it('names the proposal of an event about its dossier, through data.proposalId', () => {
    expect(
      proposalChange(
        event({
          action: 'evidence.added',
          entityType: 'Evidence',
          entityId: 'evd_1',
          data: { proposalId: 'prp_2', kind: 'SURVEY_STAT' },
        }),
      ),
    ).toEqual({ seq: 7, proposalId: 'prp_2', action: 'evidence.added', at });
  });

  it('prefers the entity when a proposal event also carries a proposalId', () => {
    expect(proposalChange(event({ data: { proposalId: 'prp_other' } }))?.proposalId).toBe('prp_1');
  });

  it.each([
    ['a brand event', { action: 'brand.created', entityType: 'Brand', entityId: 'brd_1' }],
    [
      'a membership event',
      {
        action: 'member.added',
        entityType: 'Membership',
        entityId: 'mbr_1',
        data: { userId: 'u' },
      },
    ],
    [
      'a proposalId that is not a string',
      {
        action: 'evidence.added',
        entityType: 'Evidence',
        entityId: 'evd_1',
        data: { proposalId: 42 },
      },
    ],
    [
      'an empty proposalId',
      {
        action: 'evidence.added',
        entityType: 'Evidence',
        entityId: 'evd_1',
        data: { proposalId: '' },
      },
    ],
    [
      'an action no longer recorded',
      { action: 'proposal.archived', entityType: 'Proposal', entityId: 'prp_1' },
    ],
  ])('is undefined for %s', (_, over) => {
    expect(proposalChange(event(over as Partial<AuditedChange>))).toBeUndefined();
  });
});
