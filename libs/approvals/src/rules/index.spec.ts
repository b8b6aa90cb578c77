import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as rules from './index';

describe('the approval rules', () => {
  it('export the names the feature codes against', () => {
    expect(Object.keys(rules).sort()).toEqual(
      [
        'DECIDING_ROLES',
        'DEFAULT_POLICY_STEPS',
        'DeadlineKind',
        'DecisionChannel',
        'DecisionOutcome',
        'MAX_SLA_HOURS',
        'PasskeyRequirement',
        'Quorum',
        'StepStatus',
        'acceptedRisksWords',
        'afterApproverLeft',
        'afterDecision',
        'afterRecount',
        'againstTeamWords',
        'commentRequired',
        'decisionOverride',
        'dueAt',
        'eligibleApprovers',
        'firstRefusal',
        'goesAgainstTeam',
        'hasDecidingRole',
        'isDecidingRole',
        'isRiskOfSpeaking',
        'isSatisfied',
        'mayDecideNow',
        'overrideWords',
        'passkeyRequired',
        'policyProblems',
        'reminderTimes',
        'requiredApprovals',
        'restart',
        'stepAccepts',
        'stepAwaits',
        'stepActivation',
        'stepApplies',
        'stepStatusAfterActivation',
      ].sort(),
    );
  });

  // The house rule: plain TypeScript, tested in isolation. Lint does not cover this folder yet, so
  // this holds it: node built-ins, this folder, and the proposal rules by their entry only.
  it('import no framework and no other library of the project', () => {
    const sources = readdirSync(__dirname).filter((f) => f.endsWith('.ts'));
    for (const file of sources) {
      const text = readFileSync(join(__dirname, file), 'utf8');
      const imports = [...text.matchAll(/(?:from|import|require\()\s*'([^']+)'/g)].map((m) => m[1]);
      for (const name of imports) {
        const allowed =
          name.startsWith('node:') ||
          /^\.\/[a-z-]+$/.test(name) ||
          name === '@standpoint/proposals/rules' ||
          (file.endsWith('.spec.ts') && name === 'fast-check');
        expect({ file, name, allowed }).toEqual({ file, name, allowed: true });
      }
    }
  });
});
