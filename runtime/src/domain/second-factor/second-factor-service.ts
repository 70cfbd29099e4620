import { createHmac, randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import type { Clock } from '../../clock.js';
import type { AccountsStore, AuditContext } from '../accounts/accounts-store.js';
import type { LoginAttempt, LoginThrottle } from '../accounts/login-throttle.js';
import { MEMBER_MANAGER_ROLES } from '../accounts/organisation-roles.js';
import type { RequestContext } from '../accounts/request-context.js';
import { DomainError } from '../errors.js';
import { hasRole, type Principal } from '../principal.js';
import type { SecondFactorPolicy, SecondFactorStore } from './second-factor-store.js';

/** RFC 6238 as authenticator apps expect it: SHA-1, six digits, 30-second steps. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side: a phone's clock a little off, or a code typed as it changed. */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
/** How long after the password the code (or the enrolment) may come. */
export const CHALLENGE_TTL_MS = 10 * 60_000;
const CHALLENGE_CONTEXT = 'careloom_second_factor';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** What a person must do after their password: nothing, give a code, or enrol first (their organisation requires it). */
export type SecondFactorRequirement = 'none' | 'code' | 'enrol';

export interface SecondFactorStatus {
  enabled: boolean;
  /** An enrolment waits for its first code. */
  pending: boolean;
  /** An organisation where the person works requires a second factor. */
  required: boolean;
  recoveryCodesLeft: number;
}

/** Seals and opens the shared secret under a key outside the database (mail/secret-box.ts). */
export interface SecretSealer {
  seal(secret: string, context: string): string;
  open(sealed: string, context: string): string | undefined;
}

export interface SecondFactorServiceDeps {
  store: SecondFactorStore;
  accounts: Pick<AccountsStore, 'findPerson' | 'listMemberships' | 'findOrganisation'>;
  sealer: SecretSealer;
  /** Keys the recovery codes' HMACs (derived from the mail key). */
  recoveryKey: Uint8Array;
  /** Slows code guessing as passwords are slowed (login-throttle.ts), per person and per IP. */
  throttle: LoginThrottle;
  clock: Clock;
  /** The issuer shown in authenticator apps. */
  issuer?: string;
  /**
   * The open sessions of these people began or stopped owing a second factor (the rule changed, or
   * they enrolled): their cached sessions and live connections must be checked again at once.
   */
  sessionsChanged?: (personIds: readonly string[]) => void;
}

export interface SecondFactorService {
  requirement(personId: string): Promise<SecondFactorRequirement>;
  status(personId: string): Promise<SecondFactorStatus>;
  /** A new secret, shown once: as text and as an otpauth:// URI (for a QR code). */
  beginEnrolment(personId: string, context: RequestContext): Promise<{ secret: string; otpauthUri: string }>;
  /** Turns the second factor on with a first code; the recovery codes are shown once. */
  confirmEnrolment(personId: string, code: string, context: RequestContext): Promise<{ recoveryCodes: string[] }>;
  /** Checks a code (or a recovery code) after the password; throws unauthenticated or rate_limited. */
  verify(personId: string, code: string, context: RequestContext): Promise<void>;
  /** Turns the second factor off, with a code; refused while an organisation requires one. */
  disable(principal: Principal, code: string, context: RequestContext): Promise<void>;
  /** A sealed, short-lived proof that `personId` gave the right password and owes a code (or an enrolment). */
  issueChallenge(personId: string, kind: 'code' | 'enrol'): string;
  /** The challenge behind a sealed value, while it lasts. */
  openChallenge(sealed: string | undefined): { personId: string; kind: 'code' | 'enrol' } | undefined;
  getPolicy(principal: Principal, organisationId: string): Promise<SecondFactorPolicy>;
  setPolicy(principal: Principal, organisationId: string, required: boolean, context: RequestContext): Promise<SecondFactorPolicy>;
}

const WRONG_CODE = 'The code is wrong or has expired. Type the code your authenticator app shows now.';
const REPLAYED = 'This code was used already. Wait for the next code and type that one.';
const NOT_STAFF = 'A second factor is for staff who sign in with a password.';
const NO_POLICY_RIGHTS = 'Only the organisation\'s permissions admins and care-provider admins can change whether a second factor is required.';

/**
 * The second factor of staff with local passwords (TOTP, RFC 6238, on `otpauth`). The secret is
 * sealed under the mail key; a code is accepted once (its time step must be later than the last
 * accepted one, a compare-and-set in the store); recovery codes are single-use HMACs; wrong codes
 * are slowed per person and IP like passwords. An organisation may require a second factor of its
 * staff: then a password sign-in without one is sent to enrol (see routes/second-factor.ts).
 *
 * @example
 * const { otpauthUri } = await secondFactor.beginEnrolment(personId, context);
 * const { recoveryCodes } = await secondFactor.confirmEnrolment(personId, '123456', context);
 */
export function createSecondFactorService(deps: SecondFactorServiceDeps): SecondFactorService {
  const issuer = deps.issuer ?? 'Careloom';
  const recoveryKey = Buffer.from(deps.recoveryKey);
  const sealContext = (personId: string) => `second-factor:${personId}`;
  const audit = (context: RequestContext, actorId: string): AuditContext => ({
    at: deps.clock.now().toISOString(),
    actorId,
    ...(context.ip === undefined ? {} : { ip: context.ip }),
    ...(context.requestId === undefined ? {} : { requestId: context.requestId }),
  });
  const recoveryHash = (personId: string, code: string) => createHmac('sha256', recoveryKey).update(`${personId}\u0000${code}`).digest('hex');
  const totpOf = (secret: string, label: string) => new OTPAuth.TOTP({ issuer, label, algorithm: 'SHA1', digits: DIGITS, period: PERIOD_SECONDS, secret: OTPAuth.Secret.fromBase32(secret) });

  const isStaff = async (personId: string) => (await deps.accounts.listMemberships(personId)).some((membership) => membership.role !== 'patient');

  /** The time step a code belongs to, or undefined when it matches none in the window. */
  const stepOf = (secret: string, code: string): number | undefined => {
    const timestamp = deps.clock.now().getTime();
    const delta = totpOf(secret, '').validate({ token: code, timestamp, window: WINDOW });
    return delta === null ? undefined : Math.floor(timestamp / 1000 / PERIOD_SECONDS) + delta;
  };

  const secretOf = (personId: string, sealed: string): string => {
    const secret = deps.sealer.open(sealed, sealContext(personId));
    // The key changed (CARELOOM_MAIL_KEY): the secret cannot be read, so no code can match.
    if (secret === undefined) throw new DomainError('conflict', 'The second factor cannot be checked with this server\'s key. Ask an administrator to turn it off so you can enrol again.');
    return secret;
  };

  const throttled = async (personId: string, context: RequestContext): Promise<LoginAttempt> => {
    const attempt: LoginAttempt = { account: `second-factor:${personId}`, ip: context.ip, knownDevice: undefined };
    // Counted as a wrong code before it is checked, so parallel guesses cannot all pass at once.
    const seconds = await deps.throttle.admit(attempt);
    if (seconds !== undefined) {
      await deps.store.recordRefused({ personId, reason: 'throttled', audit: audit(context, personId) });
      throw new DomainError('rate_limited', `Too many wrong codes. Try again in ${seconds < 60 ? `${seconds} second(s)` : `${Math.ceil(seconds / 60)} minute(s)`}.`, { retryAfterSeconds: seconds });
    }
    return attempt;
  };

  const wrong = (message: string) => new DomainError('unauthenticated', message, { issues: [{ code: 'second_factor.wrong_code', path: '/code', message }] });

  const manages = async (principal: Principal, organisationId: string) => {
    const organisation = await deps.accounts.findOrganisation(organisationId);
    // Its staff see the rule; to patients and outsiders the organisation is not there.
    if (!organisation || !principal.memberships.some((membership) => membership.organisationId === organisationId && membership.role !== 'patient')) throw new DomainError('not_found', 'There is no such organisation.');
    return { organisation, allowed: MEMBER_MANAGER_ROLES[organisation.kind].some((role) => hasRole(principal, organisationId, role)) };
  };

  /** Checks a TOTP code or a recovery code once; throttled; every refusal audited. */
  const check = async (personId: string, code: string, context: RequestContext): Promise<void> => {
    const record = await deps.store.find(personId);
    if (!record?.confirmedAt) throw wrong(WRONG_CODE);
    const attempt = await throttled(personId, context);
    const typed = code.replace(/[\s-]/g, '').toUpperCase();
    if (/^\d{6}$/.test(typed)) {
      const step = stepOf(secretOf(personId, record.secretSealed), typed);
      if (step !== undefined) {
        if (await deps.store.acceptStep({ personId, step, audit: audit(context, personId) })) {
          await deps.throttle.recordSuccess(attempt);
          return;
        }
        await deps.store.recordRefused({ personId, reason: 'replayed', audit: audit(context, personId) });
        throw wrong(REPLAYED);
      }
    } else if (typed.length === 10 && [...typed].every((char) => CROCKFORD.includes(char))) {
      if (await deps.store.useRecoveryCode({ personId, codeHash: recoveryHash(personId, typed), at: deps.clock.now().toISOString(), audit: audit(context, personId) })) {
        await deps.throttle.recordSuccess(attempt);
        return;
      }
    }
    await deps.store.recordRefused({ personId, reason: 'wrong_code', audit: audit(context, personId) });
    throw wrong(WRONG_CODE);
  };

  return {
    async requirement(personId) {
      const record = await deps.store.find(personId);
      if (record?.confirmedAt) return 'code';
      return (await deps.store.requiredFor(personId)) ? 'enrol' : 'none';
    },

    async status(personId) {
      const [record, required] = await Promise.all([deps.store.find(personId), deps.store.requiredFor(personId)]);
      return { enabled: record?.confirmedAt !== null && record !== undefined, pending: record !== undefined && record.confirmedAt === null, required, recoveryCodesLeft: record?.confirmedAt ? record.recoveryCodesLeft : 0 };
    },

    async beginEnrolment(personId, context) {
      const person = await deps.accounts.findPerson(personId);
      if (!person || !(await isStaff(personId))) throw new DomainError('forbidden', NOT_STAFF);
      const secret = new OTPAuth.Secret({ size: 20 }).base32;
      await deps.store.beginEnrolment({ personId, secretSealed: deps.sealer.seal(secret, sealContext(personId)), at: deps.clock.now().toISOString(), audit: audit(context, personId) });
      return { secret, otpauthUri: totpOf(secret, person.email).toString() };
    },

    async confirmEnrolment(personId, code, context) {
      const record = await deps.store.find(personId);
      if (!record || record.confirmedAt !== null) throw new DomainError('conflict', 'There is no enrolment waiting for a code. Start again.');
      const attempt = await throttled(personId, context);
      const step = stepOf(secretOf(personId, record.secretSealed), code.replace(/\s/g, ''));
      if (step === undefined) {
        await deps.store.recordRefused({ personId, reason: 'wrong_code', audit: audit(context, personId) });
        throw new DomainError('invalid', WRONG_CODE, { issues: [{ code: 'second_factor.wrong_code', path: '/code', message: WRONG_CODE }] });
      }
      const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
        const canonical = Array.from(randomBytes(10), (byte) => CROCKFORD[byte & 31]).join('');
        return canonical;
      });
      if (!(await deps.store.confirmEnrolment({ personId, step, recoveryCodeHashes: recoveryCodes.map((recovery) => recoveryHash(personId, recovery)), at: deps.clock.now().toISOString(), audit: audit(context, personId) }))) {
        throw new DomainError('conflict', 'There is no enrolment waiting for a code. Start again.');
      }
      deps.sessionsChanged?.([personId]);
      deps.throttle.recordSuccess(attempt);
      return { recoveryCodes: recoveryCodes.map((recovery) => `${recovery.slice(0, 5)}-${recovery.slice(5)}`) };
    },

    verify: check,

    issueChallenge(personId, kind) {
      return deps.sealer.seal(JSON.stringify({ personId, kind, issuedAt: deps.clock.now().getTime() }), CHALLENGE_CONTEXT);
    },

    openChallenge(sealed) {
      const text = sealed === undefined ? undefined : deps.sealer.open(sealed, CHALLENGE_CONTEXT);
      if (text === undefined) return undefined;
      try {
        const challenge = JSON.parse(text) as { personId: unknown; kind: unknown; issuedAt: unknown };
        const age = deps.clock.now().getTime() - Number(challenge.issuedAt);
        if (typeof challenge.personId !== 'string' || (challenge.kind !== 'code' && challenge.kind !== 'enrol') || !(age >= 0 && age <= CHALLENGE_TTL_MS)) return undefined;
        return { personId: challenge.personId, kind: challenge.kind };
      } catch {
        return undefined;
      }
    },

    async disable(principal, code, context) {
      if (await deps.store.requiredFor(principal.personId)) throw new DomainError('conflict', 'Your organisation requires a second factor, so it cannot be turned off.');
      const record = await deps.store.find(principal.personId);
      if (!record) throw new DomainError('not_found', 'There is no second factor to turn off.');
      // A pending enrolment is dropped without a code: nothing was on yet.
      if (record.confirmedAt !== null) await check(principal.personId, code, context);
      await deps.store.remove({ personId: principal.personId, audit: audit(context, principal.personId) });
    },

    async getPolicy(principal, organisationId) {
      await manages(principal, organisationId);
      return deps.store.getPolicy(organisationId);
    },

    async setPolicy(principal, organisationId, required, context) {
      const { allowed } = await manages(principal, organisationId);
      if (!allowed) throw new DomainError('forbidden', NO_POLICY_RIGHTS);
      const role = MEMBER_MANAGER_ROLES[(await deps.accounts.findOrganisation(organisationId))!.kind].find((candidate) => hasRole(principal, organisationId, candidate));
      const { peopleAffected, ...policy } = await deps.store.setPolicy({ organisationId, required, at: deps.clock.now().toISOString(), audit: { ...audit(context, principal.personId), ...(role ? { actorRole: role } : {}) } });
      if (peopleAffected.length > 0) deps.sessionsChanged?.(peopleAffected);
      return policy;
    },
  };
}
