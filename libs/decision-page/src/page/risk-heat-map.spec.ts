import { RiskStatus } from '@standpoint/proposals/rules';
import { riskHeatMap } from './risk-heat-map';

describe('riskHeatMap', () => {
  it('draws 25 cells and counts only the open risks, in words for screen readers', () => {
    const svg = riskHeatMap([
      { likelihood: 4, impact: 3, status: RiskStatus.OPEN },
      { likelihood: 4, impact: 3, status: RiskStatus.OPEN },
      { likelihood: 5, impact: 5, status: RiskStatus.MITIGATED },
      { likelihood: 1, impact: 2, status: RiskStatus.OPEN },
    ]).value.replace(/\s+/g, ' ');
    expect(svg.match(/<rect /g)).toHaveLength(25);
    expect(svg).toContain(
      '<desc id="heat-map-desc">3 open risks: 1 at likelihood 1, impact 2; 2 at likelihood 4, impact 3.</desc>',
    );
    // Likelihood 4 × impact 3 = 12, HIGH: orange, at full strength, labelled 2.
    expect(svg).toMatch(/<rect x="124" y="44"[^>]*fill="#ef6c00" fill-opacity="1"/);
    expect(svg).toMatch(/<text x="146" y="72"[^>]*>2</);
    // The mitigated 5 × 5 stays pale.
    expect(svg).toMatch(/<rect x="212" y="0"[^>]*fill="#c62828" fill-opacity="0.18"/);
  });

  it('says when no risk is open', () => {
    expect(riskHeatMap([]).value).toContain('>No open risk.</desc>');
  });
});
