import { PasskeyRequirement, passkeyRequired } from './passkey-requirement';
import { Recommendation } from '@standpoint/proposals/rules';

const PLAIN = { againstTeam: null, reasons: [] };
const AGAINST_TEAM = {
  againstTeam: { recommendation: Recommendation.PROCEED, current: true },
  reasons: [],
};
const ACCEPTS_RISKS = { againstTeam: null, reasons: ['A HIGH risk is open'] };

describe('passkeyRequired', () => {
  it('asks nothing under NONE', () => {
    for (const override of [PLAIN, AGAINST_TEAM, ACCEPTS_RISKS]) {
      expect(passkeyRequired(PasskeyRequirement.NONE, override)).toBe(false);
    }
  });

  it('asks it of overrides only under OVERRIDES: against the team, or accepting open risks', () => {
    expect(passkeyRequired(PasskeyRequirement.OVERRIDES, PLAIN)).toBe(false);
    expect(passkeyRequired(PasskeyRequirement.OVERRIDES, AGAINST_TEAM)).toBe(true);
    expect(passkeyRequired(PasskeyRequirement.OVERRIDES, ACCEPTS_RISKS)).toBe(true);
  });

  it('asks it of every decision under ALL_DECISIONS', () => {
    expect(passkeyRequired(PasskeyRequirement.ALL_DECISIONS, PLAIN)).toBe(true);
  });
});
