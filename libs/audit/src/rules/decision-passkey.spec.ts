// By path: the rules import no framework, and the testing library's index brings Nest.
import { SoftwareAuthenticator } from '../../../testing/src/software-authenticator';
import {
  decisionChallenge,
  decisionEventPasskeyProblem,
  type DecisionPasskeyEvidence,
  decisionPasskeyProblem,
  type DecisionWords,
} from './decision-passkey';

const RP_ID = 'standpoint.example.com';
const ORIGIN = 'https://standpoint.example.com';

const DECIDED: DecisionWords = {
  brandId: 'brd_1',
  proposalId: 'prp_1',
  step: 'Legal',
  round: 1,
  outcome: 'APPROVE',
  contentHash: 'a'.repeat(64),
};

function evidenceFor(
  authenticator: SoftwareAuthenticator,
  decided: DecisionWords = DECIDED,
  options?: Parameters<SoftwareAuthenticator['assert']>[1],
): DecisionPasskeyEvidence {
  const nonce = 'nonce-1';
  const challenge = decisionChallenge({ ...decided, nonce }).toString('base64url');
  const { response, id } = authenticator.assert(challenge, options);
  return {
    nonce,
    credentialId: id,
    publicKey: authenticator.spki,
    rpId: authenticator.rpId,
    origin: ORIGIN,
    authenticatorData: response.authenticatorData,
    clientDataJSON: response.clientDataJSON,
    signature: response.signature,
  };
}

/** The same bytes with one bit flipped at `at`. */
function flipped(base64url: string, at: number): string {
  const bytes = Buffer.from(base64url, 'base64url');
  bytes[at] ^= 0x01;
  return bytes.toString('base64url');
}

describe('decisionChallenge', () => {
  it('commits to every field of the decision and to the nonce', () => {
    const base = decisionChallenge({ ...DECIDED, nonce: 'n' });
    expect(base).toHaveLength(32);
    const changes: Partial<DecisionWords & { nonce: string }>[] = [
      { brandId: 'brd_2' },
      { proposalId: 'prp_2' },
      { step: 'Comms' },
      { round: 2 },
      { outcome: 'REJECT' },
      { contentHash: 'b'.repeat(64) },
      { nonce: 'm' },
    ];
    for (const change of changes) {
      expect(decisionChallenge({ ...DECIDED, nonce: 'n', ...change }).equals(base)).toBe(false);
    }
  });
});

describe('decisionPasskeyProblem', () => {
  const es256 = new SoftwareAuthenticator(RP_ID, ORIGIN);

  it('accepts an assertion of this decision by the credential', () => {
    expect(decisionPasskeyProblem(DECIDED, evidenceFor(es256))).toBeNull();
  });

  it('accepts an Ed25519 credential too', () => {
    const ed25519 = new SoftwareAuthenticator(RP_ID, ORIGIN, 'EdDSA');
    expect(decisionPasskeyProblem(DECIDED, evidenceFor(ed25519))).toBeNull();
  });

  it('refuses an altered signature', () => {
    const evidence = evidenceFor(es256);
    expect(
      decisionPasskeyProblem(DECIDED, { ...evidence, signature: flipped(evidence.signature, 20) }),
    ).toBe('the signature does not verify');
  });

  it('refuses the assertion for other words, outcome, step or nonce', () => {
    const evidence = evidenceFor(es256);
    const refusal = 'the signed challenge is not the one for this decision';
    expect(decisionPasskeyProblem({ ...DECIDED, contentHash: 'b'.repeat(64) }, evidence)).toBe(
      refusal,
    );
    expect(decisionPasskeyProblem({ ...DECIDED, outcome: 'REJECT' }, evidence)).toBe(refusal);
    expect(decisionPasskeyProblem({ ...DECIDED, step: 'Comms' }, evidence)).toBe(refusal);
    expect(decisionPasskeyProblem(DECIDED, { ...evidence, nonce: 'nonce-2' })).toBe(refusal);
  });

  it('refuses altered client data, even with its challenge intact', () => {
    const evidence = evidenceFor(es256);
    const clientData = JSON.parse(Buffer.from(evidence.clientDataJSON, 'base64url').toString());
    const altered = Buffer.from(JSON.stringify({ ...clientData, extra: 1 })).toString('base64url');
    expect(decisionPasskeyProblem(DECIDED, { ...evidence, clientDataJSON: altered })).toBe(
      'the signature does not verify',
    );
  });

  it('refuses altered authenticator data', () => {
    const evidence = evidenceFor(es256);
    const counterChanged = flipped(evidence.authenticatorData, 36);
    expect(
      decisionPasskeyProblem(DECIDED, { ...evidence, authenticatorData: counterChanged }),
    ).toBe('the signature does not verify');
  });

  it("refuses another credential's public key", () => {
    const other = new SoftwareAuthenticator(RP_ID, ORIGIN);
    expect(decisionPasskeyProblem(DECIDED, { ...evidenceFor(es256), publicKey: other.spki })).toBe(
      'the signature does not verify',
    );
  });

  it('refuses a registration ceremony', () => {
    expect(
      decisionPasskeyProblem(DECIDED, evidenceFor(es256, DECIDED, { type: 'webauthn.create' })),
    ).toBe('the client data is of type webauthn.create, not webauthn.get');
  });

  it('refuses an origin outside the relying party, or one the client data does not name', () => {
    const evil = 'https://evil.example.net';
    const signedThere = evidenceFor(es256, DECIDED, { origin: evil });
    expect(decisionPasskeyProblem(DECIDED, signedThere)).toBe(
      `the client data names the origin ${evil}, not ${ORIGIN}`,
    );
    expect(decisionPasskeyProblem(DECIDED, { ...signedThere, origin: evil })).toBe(
      `the origin ${evil} is not within the relying party ${RP_ID}`,
    );
  });

  it('refuses authenticator data made for another relying party', () => {
    const elsewhere = new SoftwareAuthenticator('other.example.com', ORIGIN);
    expect(decisionPasskeyProblem(DECIDED, { ...evidenceFor(elsewhere), rpId: RP_ID })).toBe(
      `the authenticator data is for another relying party than ${RP_ID}`,
    );
  });

  it('refuses an assertion without user verification', () => {
    expect(
      decisionPasskeyProblem(DECIDED, evidenceFor(es256, DECIDED, { userVerified: false })),
    ).toBe('the authenticator did not verify the user');
  });
});

describe('decisionEventPasskeyProblem', () => {
  const es256 = new SoftwareAuthenticator(RP_ID, ORIGIN);
  const { brandId, ...stated } = DECIDED;
  const event = (data: Record<string, unknown>, action = 'decision.recorded') => ({
    brandId,
    action,
    data: { ...stated, comment: null, channel: 'API', ...data },
  });

  it('checks the evidence against the decision the event states', () => {
    const passkey = evidenceFor(es256);
    expect(decisionEventPasskeyProblem(event({ passkey }))).toBeNull();
    expect(decisionEventPasskeyProblem(event({ passkey, outcome: 'REJECT' }))).toBe(
      'the signed challenge is not the one for this decision',
    );
    expect(decisionEventPasskeyProblem({ ...event({ passkey }), brandId: 'brd_2' })).toBe(
      'the signed challenge is not the one for this decision',
    );
  });

  it('has nothing to say of a decision without evidence, or of another action', () => {
    expect(decisionEventPasskeyProblem(event({}))).toBeNull();
    expect(decisionEventPasskeyProblem(event({ passkey: 1 }, 'proposal.created'))).toBeNull();
  });

  it('refuses evidence that is not well formed, or an event that does not state the decision', () => {
    const passkey = evidenceFor(es256);
    expect(decisionEventPasskeyProblem(event({ passkey: null }))).toBe(
      'the passkey evidence is not well formed',
    );
    expect(decisionEventPasskeyProblem(event({ passkey: { ...passkey, signature: 7 } }))).toBe(
      'the passkey evidence is not well formed',
    );
    expect(decisionEventPasskeyProblem(event({ passkey, round: '1' }))).toBe(
      'the event does not state the decision its passkey confirmed',
    );
  });
});
