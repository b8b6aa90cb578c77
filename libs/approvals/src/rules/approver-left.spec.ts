import { afterApproverLeft } from './approver-left';
import { Quorum } from './enums';

const step = (quorum: Quorum, requiredApprovals: number, eligibleApproverIds: string[]) => ({
  quorum,
  requiredApprovals,
  eligibleApproverIds,
});

describe('afterApproverLeft', () => {
  it('makes an ALL step require only who is left, so two of three approving satisfies it', () => {
    expect(afterApproverLeft(step(Quorum.ALL, 3, ['a', 'b', 'c']), 'c', ['a', 'b'])).toEqual({
      eligible: ['a', 'b'],
      required: 2,
      unsatisfiable: false,
    });
  });

  it('keeps counting the approval of one who approved before leaving', () => {
    expect(afterApproverLeft(step(Quorum.ALL, 2, ['a', 'b']), 'a', ['a'])).toEqual({
      eligible: ['b'],
      required: 2,
      unsatisfiable: false,
    });
  });

  it('finds a COUNT step unsatisfiable when fewer approvers are left than it needs', () => {
    const after = afterApproverLeft(step(Quorum.COUNT, 2, ['a', 'b']), 'b', []);
    expect(after).toEqual({ eligible: ['a'], required: 2, unsatisfiable: true });
  });

  it('finds an ANY step with nobody left unsatisfiable, and one with somebody left not', () => {
    expect(afterApproverLeft(step(Quorum.ANY, 1, ['a']), 'a', []).unsatisfiable).toBe(true);
    expect(afterApproverLeft(step(Quorum.ANY, 1, ['a', 'b']), 'a', []).unsatisfiable).toBe(false);
  });

  it('finds an ALL step with nobody left and no approval unsatisfiable', () => {
    expect(afterApproverLeft(step(Quorum.ALL, 1, ['a']), 'a', [])).toEqual({
      eligible: [],
      required: 0,
      unsatisfiable: true,
    });
  });
});
