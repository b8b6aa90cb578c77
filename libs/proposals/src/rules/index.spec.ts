import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as rules from './index';

describe('the workflow rules', () => {
  it('export the names the feature codes against', () => {
    expect(Object.keys(rules).sort()).toEqual(
      [
        'CHANNEL_LIMITS',
        'CHANNEL_NAMES',
        'Channel',
        'DETAIL_OF_KIND',
        'DOSSIER_OPEN_STATES',
        'EvidenceKind',
        'EvidenceStatus',
        'PeerReception',
        'ProposalState',
        'REVISABLE_STATES',
        'Recommendation',
        'RiskCategory',
        'RiskStatus',
        'Severity',
        'StanceType',
        'TRANSITIONS',
        'Urgency',
        'canAddEvidence',
        'canonicalContentText',
        'canonicalDrafts',
        'channelLength',
        'contentHash',
        'draftProblems',
        'evidenceProblems',
        'isHttpUrl',
        'mentionedEmails',
        'normalizeBody',
        'proposalRiskScore',
        'riskMatrix',
        'riskScore',
        'severityOf',
        'transitionTarget',
        'writersOf',
        // listening/
        'LISTENING_IMPORT_LIMITS',
        'LISTENING_PRESETS',
        'MAPPED_COLUMNS',
        'ListeningDateFormat',
        'ListeningSource',
        'ListeningTally',
        'PRESET_NAMES',
        'SentimentValues',
        'listeningSummary',
        'mappingProblems',
        'parseCount',
        'parseListeningDate',
        'parseSentiment',
        'presetNamed',
        'splitTerms',
        'utcDay',
      ].sort(),
    );
  });

  // The house rule: plain TypeScript, tested in isolation (lint says so too; this holds without it).
  it('import no framework and no other library of the project', () => {
    const sources = readdirSync(__dirname, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ts'),
    );
    expect(sources).toContain(join('listening', 'listening-tally.ts'));
    for (const file of sources) {
      const text = readFileSync(join(__dirname, file), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const name of imports) {
        expect({ file, name, framework: /^(@nestjs\/|typeorm|@standpoint\/)/.test(name) }).toEqual({
          file,
          name,
          framework: false,
        });
      }
    }
  });
});
