import canonicalize from 'canonicalize';
import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { PasskeyAssertionRecord } from '@standpoint/events';

/** Names the challenge's layout, so that a later layout can never be read as this one. */
export const DECISION_CHALLENGE_FORMAT = 'standpoint-decision-challenge/1';

/**
 * The decision a passkey confirms, exactly as its `decision.recorded` event states it: the brand
 * (the event's), the proposal, the step and its round, the outcome and the content hash of the
 * words decided on.
 */
export interface DecisionWords {
  brandId: string;
  proposalId: string;
  step: string;
  round: number;
  outcome: string;
  contentHash: string;
}

/** The decision and the server's single-use nonce: what the WebAuthn challenge commits to. */
export interface DecisionChallengeFields extends DecisionWords {
  nonce: string;
}

/**
 * What a decision's audit event keeps of the approver's passkey assertion: enough to check it
 * with no database (the events vocabulary's `PasskeyAssertionRecord`).
 */
export type DecisionPasskeyEvidence = PasskeyAssertionRecord;

/** The WebAuthn challenge for a decision: SHA-256 of the RFC 8785 canonical JSON of its fields. */
export function decisionChallenge(fields: DecisionChallengeFields): Buffer {
  const { brandId, proposalId, step, round, outcome, contentHash, nonce } = fields;
  const canonical = canonicalize({
    format: DECISION_CHALLENGE_FORMAT,
    brandId,
    proposalId,
    step,
    round,
    outcome,
    contentHash,
    nonce,
  });
  return createHash('sha256').update(canonical!).digest();
}

// Authenticator data: rpIdHash (32 bytes), flags (1), signature counter (4), then extensions.
const FLAGS_OFFSET = 32;
const MIN_AUTHENTICATOR_DATA = 37;
const USER_PRESENT = 0x01;
const USER_VERIFIED = 0x04;

/**
 * Whether the evidence proves that the holder of the credential's private key, present and
 * verified by their authenticator, confirmed exactly `decided` on `evidence.origin`: null when it
 * does, else why not. Reads nothing but its arguments.
 */
export function decisionPasskeyProblem(
  decided: DecisionWords,
  evidence: DecisionPasskeyEvidence,
): string | null {
  const clientDataJSON = Buffer.from(evidence.clientDataJSON, 'base64url');
  const clientData = parseClientData(clientDataJSON);
  if (!clientData) return 'the client data is not a JSON object';
  if (clientData.type !== 'webauthn.get') {
    return `the client data is of type ${String(clientData.type)}, not webauthn.get`;
  }
  const challenge = decisionChallenge({ ...decided, nonce: evidence.nonce }).toString('base64url');
  if (clientData.challenge !== challenge) {
    return 'the signed challenge is not the one for this decision';
  }
  if (clientData.origin !== evidence.origin) {
    return `the client data names the origin ${String(clientData.origin)}, not ${evidence.origin}`;
  }
  if (clientData.crossOrigin === true) return 'the assertion was made in a cross-origin frame';
  if (!originServes(evidence.origin, evidence.rpId)) {
    return `the origin ${evidence.origin} is not within the relying party ${evidence.rpId}`;
  }

  const authenticatorData = Buffer.from(evidence.authenticatorData, 'base64url');
  if (authenticatorData.length < MIN_AUTHENTICATOR_DATA) return 'the authenticator data is short';
  const rpIdHash = createHash('sha256').update(evidence.rpId).digest();
  if (!authenticatorData.subarray(0, FLAGS_OFFSET).equals(rpIdHash)) {
    return `the authenticator data is for another relying party than ${evidence.rpId}`;
  }
  const flags = authenticatorData[FLAGS_OFFSET];
  if (!(flags & USER_PRESENT)) return 'the authenticator did not see the user present';
  if (!(flags & USER_VERIFIED)) return 'the authenticator did not verify the user';

  const key = publicKeyOf(evidence.publicKey);
  if (!key) return 'the public key is not a supported SPKI key (ES256, EdDSA or RS256)';
  const signed = Buffer.concat([
    authenticatorData,
    createHash('sha256').update(clientDataJSON).digest(),
  ]);
  const signature = Buffer.from(evidence.signature, 'base64url');
  return verifies(key, signed, signature) ? null : 'the signature does not verify';
}

function parseClientData(bytes: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** An origin a relying party may use: its own host or a subdomain (the browser saw to https). */
function originServes(origin: string, rpId: string): boolean {
  let host: string;
  try {
    host = new URL(origin).hostname;
  } catch {
    return false;
  }
  return host === rpId || host.endsWith(`.${rpId}`);
}

function publicKeyOf(spki: string): KeyObject | null {
  try {
    const key = createPublicKey({
      key: Buffer.from(spki, 'base64url'),
      format: 'der',
      type: 'spki',
    });
    const curve = key.asymmetricKeyDetails?.namedCurve;
    const supported =
      (key.asymmetricKeyType === 'ec' && curve === 'prime256v1') ||
      key.asymmetricKeyType === 'ed25519' ||
      key.asymmetricKeyType === 'rsa';
    return supported ? key : null;
  } catch {
    return null;
  }
}

/** ES256 signs SHA-256 in DER (as WebAuthn sends it), RS256 SHA-256 in PKCS#1 v1.5, EdDSA the bytes. */
function verifies(key: KeyObject, signed: Buffer, signature: Buffer): boolean {
  try {
    const digest = key.asymmetricKeyType === 'ed25519' ? null : 'sha256';
    return verify(digest, signed, key, signature);
  } catch {
    return false;
  }
}

/** The fields of the evidence, each a string. */
export const EVIDENCE_FIELDS = [
  'nonce',
  'credentialId',
  'publicKey',
  'rpId',
  'origin',
  'authenticatorData',
  'clientDataJSON',
  'signature',
] as const satisfies readonly (keyof DecisionPasskeyEvidence)[];

/**
 * For a verifier walking a chain or an export: the problem of a `decision.recorded` event's
 * passkey evidence, checked against the decision the event itself states; null when the event
 * holds none (or is of another action) or it verifies. Reads nothing but the event.
 */
export function decisionEventPasskeyProblem(event: {
  brandId: string;
  action: string;
  data: { [key: string]: unknown };
}): string | null {
  const { data } = event;
  if (event.action !== 'decision.recorded' || data.passkey === undefined) return null;
  const evidence = data.passkey as Record<string, unknown> | null;
  const wellFormed =
    typeof evidence === 'object' &&
    evidence !== null &&
    EVIDENCE_FIELDS.every((field) => typeof evidence[field] === 'string');
  if (!wellFormed) return 'the passkey evidence is not well formed';
  const { proposalId, step, round, outcome, contentHash } = data;
  if (
    typeof proposalId !== 'string' ||
    typeof step !== 'string' ||
    typeof round !== 'number' ||
    typeof outcome !== 'string' ||
    typeof contentHash !== 'string'
  ) {
    return 'the event does not state the decision its passkey confirmed';
  }
  return decisionPasskeyProblem(
    { brandId: event.brandId, proposalId, step, round, outcome, contentHash },
    evidence as unknown as DecisionPasskeyEvidence,
  );
}
