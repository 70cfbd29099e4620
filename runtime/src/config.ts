import { dirname, join } from 'node:path';
import type { WebhookTargetPolicy } from './domain/webhooks/webhook-targets.js';

/**
 * Configuration: the only place that reads environment variables. Everything else receives the
 * frozen `Config` as an argument, so tests build one with `loadConfig({ … })` instead of
 * mutating `process.env`.
 */

/** Server settings, validated and frozen at start. */
export interface Config {
  /** SQLite database file, or ':memory:' for a throwaway database. Unused when `databaseUrl` is set. */
  readonly databaseFile: string;
  /**
   * A PostgreSQL database (CARELOOM_DATABASE_URL, `postgres://user:password@host:5432/careloom`)
   * instead of the SQLite file: what several server processes share. Holds a password: never log it.
   */
  readonly databaseUrl: string | undefined;
  /** TCP port; 0 asks the operating system for any free port (tests). */
  readonly port: number;
  /** Interface to listen on. */
  readonly host: string;
  /** Folder holding `modules/*.json` and `programs/*.json`, loaded at start. */
  readonly examplesDir: string;
  /** The address users reach the server at (no trailing slash). */
  readonly publicUrl: string;
  /** Where e-mail goes out; undefined means the development outbox (GET /api/dev/outbox). */
  readonly smtp: SmtpConfig | undefined;
  /**
   * Demo mode: demo accounts with published passwords, demo content and the development outbox.
   * CARELOOM_DEMO=on|off; by default on exactly when the server listens on loopback only, and it can
   * never be on for a server others can reach (see `isLoopbackHost`).
   */
  readonly demo: boolean;
  /**
   * The key (32 bytes, base64) that seals secrets in stored e-mail, such as invitation codes, from
   * CARELOOM_MAIL_KEY; undefined means the key file `mailKeyFile`. It is never kept in the database,
   * so a copy of the database alone yields no usable code.
   */
  readonly mailKey: string | undefined;
  /**
   * Whether the server sits behind one reverse proxy that appends the caller's address to
   * X-Forwarded-For (CARELOOM_TRUST_PROXY=on). Off: the socket's address, and the header is ignored.
   */
  readonly trustProxy: boolean;
  /**
   * Which endpoint addresses webhooks may call beyond the public internet (CARELOOM_WEBHOOK_ALLOW, a
   * comma list): `private` adds private networks (https still), `loopback` this machine over http
   * too (development and tests). Empty by default: public https endpoints only.
   */
  readonly webhookTargets: WebhookTargetPolicy;
  /** Where the mail key is kept when CARELOOM_MAIL_KEY is not set: beside the database, created 0600 on first start; undefined for ':memory:' (a key for the run only). */
  readonly mailKeyFile: string | undefined;
  /** Sign-in with an OpenID Connect provider (CARELOOM_OIDC_*); undefined when not configured. */
  readonly oidc: OidcConfig | undefined;
  /**
   * The folder holding the media libraries' files (CARELOOM_MEDIA_DIR): `media` beside the SQLite
   * file by default; undefined for ':memory:' (a temporary folder for the run). With several
   * processes on PostgreSQL it must be one folder they all reach (a shared volume).
   */
  readonly mediaDir: string | undefined;
  /** The largest media file a designer may upload (CARELOOM_MEDIA_MAX_BYTES, bytes); 200 MiB by default. */
  readonly mediaMaxBytes: number;
  /**
   * At most one "you have a new message" e-mail per patient in this many minutes
   * (CARELOOM_MESSAGE_NOTICE_MINUTES, 1 to 10080; 60 by default): a burst of messages is one e-mail.
   */
  readonly messageNoticeMinutes: number;
}

/**
 * An OpenID Connect provider (an e-ID broker, the hospital's identity provider). Holds the client
 * secret: never log it. The redirect URI registered at the provider is
 * `<CARELOOM_PUBLIC_URL>/api/auth/oidc/callback`.
 */
export interface OidcConfig {
  /** CARELOOM_OIDC_ISSUER: the issuer identifier; discovery reads `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  /** CARELOOM_OIDC_CLIENT_ID. */
  readonly clientId: string;
  /** CARELOOM_OIDC_CLIENT_SECRET (client_secret_post); unset for a public client, which PKCE protects. */
  readonly clientSecret: string | undefined;
  /** CARELOOM_OIDC_SCOPES, space-separated; `openid profile` by default (must include openid). */
  readonly scopes: string;
  /** CARELOOM_OIDC_IDENTITY_CLAIM: the claim that identifies the person (`sub` by default; e.g. a personal identity number claim). */
  readonly identityClaim: string;
  /** CARELOOM_OIDC_DISPLAY_NAME: shown as "Sign in with <name>"; `e-ID` by default. */
  readonly displayName: string;
}

/** An SMTP relay. Holds the password: never log it (see `describeSmtp`). */
export interface SmtpConfig {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS from the start). */
  readonly url: string;
  /** The From header, `noreply@example.org` or `Care unit <noreply@example.org>`. */
  readonly from: string;
}

/** The environment variables Careloom reads, as a plain record (pass `process.env` in main.ts). */
export type Environment = Readonly<Record<string, string | undefined>>;

export const DEFAULT_DATABASE_FILE = './data/careloom.sqlite';
export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_EXAMPLES_DIR = './examples';
/** 200 MiB: a ten-minute film in good phone quality. */
export const DEFAULT_MEDIA_MAX_BYTES = 200 * 1024 * 1024;

/** Thrown by `loadConfig` for a value the server cannot start with. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads and checks the configuration, failing fast with a message naming the variable.
 *
 * @param env - the environment, usually `process.env`
 * @returns a frozen Config
 * @throws ConfigError when a value is unusable
 * @example
 * const config = loadConfig({ CARELOOM_DB: ':memory:', CARELOOM_PORT: '0' });
 */
export function loadConfig(env: Environment): Config {
  const host = text(env, 'CARELOOM_HOST') ?? DEFAULT_HOST;
  const port = parsePort(text(env, 'CARELOOM_PORT'));
  const explicitUrl = text(env, 'CARELOOM_PUBLIC_URL');
  const databaseFile = text(env, 'CARELOOM_DB') ?? DEFAULT_DATABASE_FILE;
  const databaseUrl = parseDatabaseUrl(text(env, 'CARELOOM_DATABASE_URL'));
  const mailKey = parseMailKey(text(env, 'CARELOOM_MAIL_KEY'));
  // Every process must seal and open stored secrets with one key; a key file beside a SQLite file
  // cannot be shared by processes on several machines.
  if (databaseUrl !== undefined && mailKey === undefined) {
    throw new ConfigError('CARELOOM_DATABASE_URL is set but CARELOOM_MAIL_KEY is not: with PostgreSQL every Careloom process must share one mail key (32 random bytes in base64, e.g. from `openssl rand -base64 32`).');
  }
  return Object.freeze({
    databaseFile,
    databaseUrl,
    port,
    host,
    examplesDir: text(env, 'CARELOOM_EXAMPLES_DIR') ?? DEFAULT_EXAMPLES_DIR,
    publicUrl: explicitUrl === undefined ? defaultPublicUrl(host, port) : parsePublicUrl(explicitUrl),
    smtp: parseSmtp(text(env, 'CARELOOM_SMTP_URL'), text(env, 'CARELOOM_MAIL_FROM')),
    demo: parseDemo(text(env, 'CARELOOM_DEMO'), host),
    mailKey,
    trustProxy: parseSwitch(text(env, 'CARELOOM_TRUST_PROXY'), 'CARELOOM_TRUST_PROXY') ?? false,
    webhookTargets: parseWebhookAllow(text(env, 'CARELOOM_WEBHOOK_ALLOW')),
    mailKeyFile: databaseFile === ':memory:' || databaseUrl !== undefined ? undefined : `${databaseFile}.mail-key`,
    oidc: parseOidc(env),
    mediaDir: text(env, 'CARELOOM_MEDIA_DIR') ?? (databaseUrl !== undefined ? './data/media' : databaseFile === ':memory:' ? undefined : join(dirname(databaseFile), 'media')),
    mediaMaxBytes: parseMediaMaxBytes(text(env, 'CARELOOM_MEDIA_MAX_BYTES')),
    messageNoticeMinutes: parseMessageNoticeMinutes(text(env, 'CARELOOM_MESSAGE_NOTICE_MINUTES')),
  });
}

function parseMediaMaxBytes(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MEDIA_MAX_BYTES;
  const bytes = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1024) throw new ConfigError(`CARELOOM_MEDIA_MAX_BYTES must be a whole number of bytes, at least 1024, not "${value}".`);
  return bytes;
}

function parseMessageNoticeMinutes(value: string | undefined): number {
  if (value === undefined) return 60;
  const minutes = Number(value);
  if (!/^\d+$/.test(value) || minutes < 1 || minutes > 10080) throw new ConfigError(`CARELOOM_MESSAGE_NOTICE_MINUTES must be a whole number of minutes from 1 to 10080 (a week), not "${value}".`);
  return minutes;
}

function parseDatabaseUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('CARELOOM_DATABASE_URL must be a URL such as postgres://careloom:password@db.example.org:5432/careloom.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`CARELOOM_DATABASE_URL must start with postgres:// (it starts with ${url.protocol}//); leave it unset to use the SQLite file CARELOOM_DB.`);
  }
  return value;
}

/** The database URL without its password, for logs. */
export function describeDatabaseUrl(value: string): string {
  const url = new URL(value);
  url.password = '';
  return url.href;
}

/**
 * Whether a listen address is reachable only from this machine: 127.0.0.0/8, ::1 or localhost.
 * 0.0.0.0, :: and every other address are reachable from elsewhere.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

/** The SMTP relay without its password, for logs: `smtp://user@host:587`. */
export function describeSmtp(smtp: SmtpConfig): string {
  const url = new URL(smtp.url);
  url.password = '';
  return url.href.replace(/\/$/, '');
}

/** The public URL used when CARELOOM_PUBLIC_URL is not set: `http://<host>:<port>`. */
export function defaultPublicUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** A variable's value, with blank treated as unset. */
function text(env: Environment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`CARELOOM_PORT must be a whole number from 1 to 65535 (or 0 for any free port), not "${value}".`);
  }
  return port;
}

function parsePublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`CARELOOM_PUBLIC_URL must be an absolute http(s) URL, not "${value}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`CARELOOM_PUBLIC_URL must start with http:// or https://, not "${value}".`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigError(`CARELOOM_PUBLIC_URL must not have a query or fragment: "${value}".`);
  }
  return url.href.replace(/\/+$/, '');
}

/** on/true/1/yes or off/false/0/no; undefined when unset. */
function parseSwitch(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^(?:on|true|1|yes)$/i.test(value)) return true;
  if (/^(?:off|false|0|no)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be "on" or "off", not "${value}".`);
}

/** Demo accounts have published passwords: never on an address others can reach, whatever was asked. */
function parseDemo(value: string | undefined, host: string): boolean {
  const on = parseSwitch(value, 'CARELOOM_DEMO');
  if (on === undefined) return isLoopbackHost(host);
  if (on && !isLoopbackHost(host)) {
    throw new ConfigError(`CARELOOM_DEMO=on is only allowed on a loopback address (127.0.0.1, ::1, localhost), not on CARELOOM_HOST=${host}: demo accounts have published passwords.`);
  }
  return on;
}

function parseWebhookAllow(value: string | undefined): WebhookTargetPolicy {
  const parts = (value ?? '').split(',').map((part) => part.trim().toLowerCase()).filter((part) => part !== '');
  const unknown = parts.filter((part) => part !== 'private' && part !== 'loopback');
  if (unknown.length > 0) throw new ConfigError(`CARELOOM_WEBHOOK_ALLOW lists "private" and/or "loopback" (comma-separated), not "${unknown.join(', ')}".`);
  return Object.freeze({ private: parts.includes('private'), loopback: parts.includes('loopback') });
}

/** The key itself never appears in a message: it ends up in logs. */
function parseMailKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? Buffer.from(value, 'base64') : Buffer.alloc(0);
  if (bytes.length !== 32) throw new ConfigError('CARELOOM_MAIL_KEY must be 32 random bytes in base64 (44 characters), e.g. the output of `openssl rand -base64 32`.');
  return value;
}

/** Error messages show the URL with its password masked: they end up in logs. */
function parseSmtp(value: string | undefined, from: string | undefined): SmtpConfig | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('CARELOOM_SMTP_URL must be a URL like smtp://user:password@mail.example.org:587.');
  }
  if (url.password !== '') url.password = '***';
  const shown = url.href;
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError(`CARELOOM_SMTP_URL must start with smtp:// (STARTTLS) or smtps:// (TLS), not "${shown}".`);
  }
  if (url.hostname === '') throw new ConfigError(`CARELOOM_SMTP_URL must name the mail server's host: "${shown}".`);
  if ((url.pathname !== '' && url.pathname !== '/') || url.hash !== '') {
    throw new ConfigError(`CARELOOM_SMTP_URL must not have a path or fragment: "${shown}".`);
  }
  if (from === undefined) throw new ConfigError('CARELOOM_MAIL_FROM must be set when CARELOOM_SMTP_URL is: the sender address, e.g. "Careloom <noreply@example.org>".');
  if (!/^(?:[^<>@\r\n]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/.test(from)) {
    throw new ConfigError(`CARELOOM_MAIL_FROM must be an e-mail address, optionally with a name ("Careloom <noreply@example.org>"), not "${from}".`);
  }
  return Object.freeze({ url: value, from });
}

/** Issuer and client id come together or not at all; the secret never appears in a message. */
function parseOidc(env: Environment): OidcConfig | undefined {
  const issuer = text(env, 'CARELOOM_OIDC_ISSUER');
  const clientId = text(env, 'CARELOOM_OIDC_CLIENT_ID');
  const others = ['CARELOOM_OIDC_CLIENT_SECRET', 'CARELOOM_OIDC_SCOPES', 'CARELOOM_OIDC_IDENTITY_CLAIM', 'CARELOOM_OIDC_DISPLAY_NAME'].filter((name) => text(env, name) !== undefined);
  if (issuer === undefined && clientId === undefined) {
    if (others.length > 0) throw new ConfigError(`${others[0]} is set but CARELOOM_OIDC_ISSUER and CARELOOM_OIDC_CLIENT_ID are not: set both to sign in with an OpenID Connect provider.`);
    return undefined;
  }
  if (issuer === undefined) throw new ConfigError('CARELOOM_OIDC_CLIENT_ID is set but CARELOOM_OIDC_ISSUER is not: set the provider\'s issuer URL, e.g. https://idp.example.org.');
  if (clientId === undefined) throw new ConfigError('CARELOOM_OIDC_ISSUER is set but CARELOOM_OIDC_CLIENT_ID is not: set the client id the provider registered for Careloom.');
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new ConfigError(`CARELOOM_OIDC_ISSUER must be an absolute https URL, not "${issuer}".`);
  }
  // Tokens and the identity travel over this connection: plain http only to this machine (tests, a local provider).
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new ConfigError(`CARELOOM_OIDC_ISSUER must start with https:// (plain http only on a loopback address), not "${issuer}".`);
  }
  if (url.search !== '' || url.hash !== '') throw new ConfigError(`CARELOOM_OIDC_ISSUER must not have a query or fragment: "${issuer}".`);
  const scopes = (text(env, 'CARELOOM_OIDC_SCOPES') ?? 'openid profile').split(/\s+/).filter(Boolean);
  if (!scopes.includes('openid')) throw new ConfigError(`CARELOOM_OIDC_SCOPES must include openid, not "${scopes.join(' ')}".`);
  if (scopes.some((scope) => !/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(scope))) throw new ConfigError('CARELOOM_OIDC_SCOPES must be scope names separated by spaces.');
  const identityClaim = text(env, 'CARELOOM_OIDC_IDENTITY_CLAIM') ?? 'sub';
  if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(identityClaim)) throw new ConfigError(`CARELOOM_OIDC_IDENTITY_CLAIM must be a claim name such as sub or personal_identity_number, not "${identityClaim}".`);
  const displayName = text(env, 'CARELOOM_OIDC_DISPLAY_NAME') ?? 'e-ID';
  if (displayName.length > 60) throw new ConfigError('CARELOOM_OIDC_DISPLAY_NAME must be at most 60 characters.');
  return Object.freeze({ issuer, clientId, clientSecret: text(env, 'CARELOOM_OIDC_CLIENT_SECRET'), scopes: scopes.join(' '), identityClaim, displayName });
}
