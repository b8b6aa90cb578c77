import { Injectable } from '@nestjs/common';
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import {
  decisionChallenge,
  type DecisionPasskeyEvidence,
  decisionPasskeyProblem,
  type DecisionWords,
} from '@standpoint/audit';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { IsNull, LessThan } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { requireUser } from '../brand-access';
import { coseToSpki, PASSKEY_ALGORITHMS } from './cose-key';
import { PasskeyEntity } from './passkey.entity';
import { PasskeyModel } from './passkey.model';
import { RegisterPasskeyInput } from './register-passkey.input';
import { RelyingParty } from './relying-party';
import { WebAuthnChallengeEntity, WebAuthnPurpose } from './webauthn-challenge.entity';

/** How long a challenge answers: time to read the prompt and touch the authenticator. */
const CHALLENGE_MINUTES = 5;
/** More than anyone carries; each one is a way to sign as its owner. */
export const MAX_PASSKEYS = 10;

/** A decision's passkey confirmation: what the audit event keeps, or why it is refused. */
export type DecisionConfirmation =
  { evidence: DecisionPasskeyEvidence; refusal?: never } | { refusal: string; evidence?: never };

/**
 * A user's passkeys: registering them, and confirming a decision with one. Every challenge is the
 * server's, stored, single use and short lived; a decision's challenge commits to the decision
 * (audit rules, decision-passkey.ts), so an assertion confirms those words and nothing else.
 */
@Injectable()
export class PasskeysService {
  constructor(
    private readonly relyingParty: RelyingParty,
    private readonly clock: Clock,
  ) {}

  async mine(ctx: RequestContext): Promise<PasskeyModel[]> {
    const rows = await this.ofUser(ctx, requireUser(ctx).userId);
    return rows.map(PasskeyModel.from);
  }

  /** Whether the user has a passkey to confirm decisions with. */
  async has(ctx: RequestContext, userId: string): Promise<boolean> {
    return ctx.em.existsBy(PasskeyEntity, { userId });
  }

  /** Options for navigator.credentials.create, as JSON; the challenge is stored for `register`. */
  async registrationOptions(ctx: RequestContext): Promise<string> {
    const user = requireUser(ctx);
    const existing = await this.ofUser(ctx, user.userId);
    if (existing.length >= MAX_PASSKEYS) throw tooMany();
    const options = await generateRegistrationOptions({
      rpName: this.relyingParty.name,
      rpID: this.relyingParty.id,
      userName: user.email,
      userID: Buffer.from(user.userId),
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
      supportedAlgorithmIDs: PASSKEY_ALGORITHMS,
    });
    await this.issue(ctx, user.userId, WebAuthnPurpose.REGISTRATION, options.challenge, null);
    return JSON.stringify(options);
  }

  async register(ctx: RequestContext, input: RegisterPasskeyInput): Promise<PasskeyModel> {
    const userId = requireUser(ctx).userId;
    const response = parseJson<RegistrationResponseJSON>(input.response);
    const challenge = response && challengeOf(response.response?.clientDataJSON);
    const issued =
      challenge && (await this.unused(ctx, userId, WebAuthnPurpose.REGISTRATION, challenge));
    if (!response || !issued) {
      throw DomainError.badInput('This passkey answers no registration asked of you: start again');
    }
    if ((await this.ofUser(ctx, userId)).length >= MAX_PASSKEYS) throw tooMany();
    const verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: issued.challenge,
      expectedOrigin: this.relyingParty.origin,
      expectedRPID: this.relyingParty.id,
      requireUserVerification: true,
      supportedAlgorithmIDs: PASSKEY_ALGORITHMS,
    }).catch((error: Error) => ({ verified: false as const, error }));
    if (!verification.verified) {
      const why = 'error' in verification ? `: ${verification.error.message}` : '';
      throw DomainError.badInput(`The passkey could not be verified${why}`);
    }
    await this.use(ctx, issued);
    const { credential } = verification.registrationInfo;
    const passkey: PasskeyEntity = {
      id: newId('pky'),
      userId,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      spki: coseToSpki(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? [],
      name: input.name.trim(),
      createdAt: this.clock.now(),
      lastUsedAt: null,
    };
    if (await ctx.em.existsBy(PasskeyEntity, { credentialId: passkey.credentialId })) {
      throw DomainError.conflict('This passkey is registered already');
    }
    await ctx.em.insert(PasskeyEntity, passkey);
    return PasskeyModel.from(passkey);
  }

  /** Removes one of the caller's passkeys; decisions it confirmed keep their evidence. */
  async remove(ctx: RequestContext, id: string): Promise<boolean> {
    const result = await ctx.em.delete(PasskeyEntity, { id, userId: requireUser(ctx).userId });
    if (!result.affected) throw DomainError.notFound('passkey');
    return true;
  }

  /** Options for navigator.credentials.get whose challenge commits to `decided`. */
  async decisionOptions(
    ctx: RequestContext,
    userId: string,
    decided: DecisionWords,
  ): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const passkeys = await this.ofUser(ctx, userId);
    if (passkeys.length === 0) {
      throw DomainError.conflict('You have no passkey: register one before confirming with it');
    }
    const nonce = randomBytes(16).toString('base64url');
    const challenge = decisionChallenge({ ...decided, nonce }).toString('base64url');
    await this.issue(ctx, userId, WebAuthnPurpose.DECISION, challenge, { nonce, decided });
    return generateAuthenticationOptions({
      rpID: this.relyingParty.id,
      challenge: Buffer.from(challenge, 'base64url'),
      allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports })),
      userVerification: 'required',
      timeout: CHALLENGE_MINUTES * 60_000,
    });
  }

  /**
   * Checks a passkey assertion (JSON, as navigator.credentials.get answers) for `decided` by
   * `userId`: a challenge issued to them for exactly this decision, unused and unexpired, signed
   * by one of their passkeys whose counter moved on. Uses the challenge up when it holds.
   */
  async confirmDecision(
    ctx: RequestContext,
    userId: string,
    decided: DecisionWords,
    assertion: string,
  ): Promise<DecisionConfirmation> {
    const response = parseJson<AuthenticationResponseJSON>(assertion);
    const challenge = response && challengeOf(response.response?.clientDataJSON);
    if (!response || !challenge) return { refusal: 'the passkey assertion is not readable' };
    const issued = await this.unused(ctx, userId, WebAuthnPurpose.DECISION, challenge);
    if (!issued?.nonce) {
      return { refusal: 'the passkey confirmed no challenge open to you: ask for a new one' };
    }
    const expected = decisionChallenge({ ...decided, nonce: issued.nonce }).toString('base64url');
    if (expected !== challenge) {
      return { refusal: 'the passkey confirmed another decision than this one' };
    }
    const passkey = await ctx.em.findOneBy(PasskeyEntity, { credentialId: response.id, userId });
    if (!passkey) return { refusal: 'the assertion is not by a passkey of yours' };
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: expected,
      expectedOrigin: this.relyingParty.origin,
      expectedRPID: this.relyingParty.id,
      credential: {
        id: passkey.credentialId,
        publicKey: Buffer.from(passkey.publicKey, 'base64url'),
        counter: passkey.counter,
      },
      requireUserVerification: true,
    }).catch((error: Error) => ({ verified: false as const, error }));
    if (!verification.verified) {
      const why = 'error' in verification ? `: ${verification.error.message}` : '';
      return { refusal: `the passkey assertion does not verify${why}` };
    }
    const evidence: DecisionPasskeyEvidence = {
      nonce: issued.nonce,
      credentialId: passkey.credentialId,
      publicKey: passkey.spki,
      rpId: this.relyingParty.id,
      origin: this.relyingParty.origin,
      authenticatorData: response.response.authenticatorData,
      clientDataJSON: response.response.clientDataJSON,
      signature: response.response.signature,
    };
    // What the audit event keeps must verify offline on its own, or it proves nothing.
    const problem = decisionPasskeyProblem(decided, evidence);
    if (problem) return { refusal: problem };
    if (!(await this.use(ctx, issued))) {
      return { refusal: 'the passkey confirmed a challenge used already' };
    }
    await ctx.em.update(
      PasskeyEntity,
      { id: passkey.id },
      { counter: verification.authenticationInfo.newCounter, lastUsedAt: this.clock.now() },
    );
    return { evidence };
  }

  private ofUser(ctx: RequestContext, userId: string): Promise<PasskeyEntity[]> {
    return ctx.em.find(PasskeyEntity, { where: { userId }, order: { createdAt: 'ASC' } });
  }

  private async issue(
    ctx: RequestContext,
    userId: string,
    purpose: WebAuthnPurpose,
    challenge: string,
    decision: { nonce: string; decided: DecisionWords } | null,
  ): Promise<void> {
    const now = this.clock.now();
    // The user's expired challenges go as they ask for a new one: the table holds only live ones.
    await ctx.em.delete(WebAuthnChallengeEntity, { userId, expiresAt: LessThan(now) });
    await ctx.em.insert(WebAuthnChallengeEntity, {
      id: newId('wac'),
      userId,
      purpose,
      challenge,
      nonce: decision?.nonce ?? null,
      decision: decision?.decided ?? null,
      expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
      usedAt: null,
      createdAt: now,
    });
  }

  private async unused(
    ctx: RequestContext,
    userId: string,
    purpose: WebAuthnPurpose,
    challenge: string,
  ): Promise<WebAuthnChallengeEntity | null> {
    const issued = await ctx.em.findOneBy(WebAuthnChallengeEntity, {
      userId,
      purpose,
      challenge,
      usedAt: IsNull(),
    });
    return issued && issued.expiresAt > this.clock.now() ? issued : null;
  }

  /** Marks the challenge used; false when another request used it first. */
  private async use(ctx: RequestContext, issued: WebAuthnChallengeEntity): Promise<boolean> {
    const result = await ctx.em.update(
      WebAuthnChallengeEntity,
      { id: issued.id, usedAt: IsNull() },
      { usedAt: this.clock.now() },
    );
    return result.affected === 1;
  }
}

function parseJson<T>(text: string): T | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as T) : null;
  } catch {
    return null;
  }
}

/** The challenge the client data says was signed. */
function challengeOf(clientDataJSON: unknown): string | null {
  if (typeof clientDataJSON !== 'string') return null;
  const clientData = parseJson<{ challenge?: unknown }>(
    Buffer.from(clientDataJSON, 'base64url').toString('utf8'),
  );
  return typeof clientData?.challenge === 'string' ? clientData.challenge : null;
}

function tooMany(): DomainError {
  return DomainError.conflict(`You have ${MAX_PASSKEYS} passkeys: remove one to add another`);
}
