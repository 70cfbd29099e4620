import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv } from './http/app-env.js';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from './app.js';
import { createServerWithShortcut, rememberingFetch, revalidationShortcut } from './http/node-listener.js';
import { createRevalidationCache, type RevalidationCache } from './http/revalidation-cache.js';
import { systemClock, type Clock } from './clock.js';
import { ConfigError, defaultPublicUrl, describeSmtp, isLoopbackHost, type Config } from './config.js';
import { contentHash } from '@careloom/format/engine';
import { formatValidators } from './content/example-validators.js';
import { readExampleFiles } from './content/read-example-files.js';
import { createExampleCatalog, type ExampleCatalog, type ExampleValidators } from './domain/example-catalog.js';
import { createHealthService } from './domain/health-service.js';
import type { Services } from './domain/services.js';
import { uuidGenerator, type IdGenerator } from './ids.js';
import { silentLogger, type Logger } from './logger.js';
import { openStores } from './storage/open-stores.js';
import type { Stores } from './storage/types.js';
import { readPackageVersion } from './version.js';
import { createScryptPasswordHasher } from './auth/scrypt-password-hasher.js';
import type { PasswordHasher } from './domain/accounts/password-hasher.js';
import { originsOf } from './app.js';
import { createAccountsServices } from './domain/accounts/accounts-services.js';
import { createSessionCache } from './domain/accounts/session-cache.js';
import { createStaffServices } from './domain/accounts/staff-services.js';
import { createDataAdminService } from './domain/data-admin/data-admin-service.js';
import { createAuthoringService } from './domain/authoring/authoring-service.js';
import { seedDemo, type DemoAccount } from './domain/demo-accounts.js';
import { createExampleDirectory } from './storage/example-directory.js';
import { attachCollab, type CollabDeps, type CollabServer } from './collab/collab-server.js';
import { sharedRefusalCounter } from './collab/refusal-limiter.js';
import { workerDraftCodec } from './collab/worker-draft-codec.js';
import { createYjsWorkers } from './collab/yjs-workers.js';
import { createCollabAuthorizer } from './http/collab-authorizer.js';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createMediaService } from './domain/media/media-service.js';
import { openMediaFiles } from './storage/media-files.js';
import { fileURLToPath } from 'node:url';
import { lazyBundles, prebuiltBundles, type Bundle } from './web/bundle.js';
import { repositoryRoot, WEB_APPS } from './web/web-apps.js';
import { createCareService } from './domain/care/care-service.js';
import { createFhirService } from './domain/fhir/fhir-service.js';
import { createApiTokenService } from './domain/api-tokens/api-tokens.js';
import { createPatientAccounts, invitedSessionsOf } from './domain/care/patient-accounts.js';
import { createReleasedContent } from './domain/care/released-content.js';
import { seedDemoContent } from './domain/demo-content.js';
import { createSmtpMailSender } from './mail/smtp-mail-sender.js';
import { createMailDispatcher, type MailDispatcher, type Timers } from './mail/mail-dispatcher.js';
import { newInvitationCode } from './domain/care/invitation-code.js';
import { liveDemoAccounts, REMOVE_DEMO_ACCOUNTS_HINT } from './domain/demo-mode.js';
import { loadMailKey } from './mail/mail-key.js';
import { createSecretBox } from './mail/secret-box.js';
import { createWebhookService } from './domain/webhooks/webhooks.js';
import { createResearchExportService } from './domain/research-export/research-export.js';
import { createWebhookDispatcher, type WebhookDispatcher, type WebhookRetryPolicy } from './webhooks/webhook-dispatcher.js';
import { createWebhookSender } from './webhooks/webhook-sender.js';
import { createHmac } from 'node:crypto';
import { createSecondFactorService } from './domain/second-factor/second-factor-service.js';
import { createOpenidClientProvider } from './auth/openid-client-provider.js';
import { createOidcSignInService } from './domain/oidc/oidc-sign-in.js';
import { identityDigester } from './domain/oidc/identity-digest.js';
import { OIDC_CALLBACK_PATH, OIDC_FLOW_COOKIE } from './routes/oidc.js';

export interface StartServerOptions {
  config: Config;
  logger?: Logger;
  clock?: Clock;
  ids?: IdGenerator;
  /** The format's validators unless a test passes fakes. */
  validators?: ExampleValidators;
  /** How long `close()` lets open requests finish before cutting connections, in milliseconds. */
  shutdownGraceMs?: number;
  /**
   * Demo mode: create the demo organisations, one account per role (published passwords) and the
   * demo content, and keep e-mail in the development outbox when there is no SMTP. Off by default:
   * then no demo account is created, the development outbox does not exist, and the start is refused
   * while the database holds a demo account that still has its published password. Refused on a
   * configuration that does not allow demo mode (CARELOOM_DEMO=off, a non-loopback host).
   * main.ts passes `config.demo`.
   */
  demo?: boolean;
  /** The same as `demo` (the older name, which many tests use). */
  seedDemoAccounts?: boolean;
  /** Builds a browser app's bundle; tests may share one build across servers. Built on first request by default. */
  bundleOf?: (name: string) => Promise<Bundle>;
  /** Collaboration endpoint settings for tests (timers); production uses the defaults. */
  collab?: Partial<Pick<CollabDeps, 'reauthorizeEveryMs' | 'heartbeatEveryMs' | 'maxMessageBytes' | 'refusals'>>;
  /** How often the care job (missing reports, reminders) runs; every minute by default. */
  dueWorkEveryMs?: number;
  /** Timers of the mail dispatcher (retries on the injected clock) for tests; the real ones by default. */
  mailTimers?: Timers;
  /** The webhook dispatcher's retry spacing and request time-out, for tests; the defaults otherwise. */
  webhooks?: { retry?: WebhookRetryPolicy; timeoutMs?: number; idleCheckMs?: number };
  /**
   * How passwords are hashed; scrypt at the production cost by default. Tests that sign many people
   * in pass `testPasswordHasher` (testing/test-password-hasher.ts): the same scheme at a cost a
   * test suite can afford. Stored hashes carry their parameters, so either verifies the other's.
   */
  passwordHasher?: PasswordHasher;
  /** Where repeated revalidations are remembered (http/revalidation-cache.ts); a test may pass one on its own clock. */
  revalidations?: RevalidationCache;
}

export interface RunningServer {
  /** Where the server answers, with the real port when the config asked for port 0. */
  url: string;
  config: Config;
  /** How many example files were found (reading this parses and validates them, if not done yet). */
  readonly exampleCount: number;
  /** The demo accounts created or confirmed at start, when asked for. */
  demoAccounts: DemoAccount[];
  /** The live-draft endpoint at /collab/<moduleId>, for stats and tests. */
  collab: CollabServer;
  /** The HTTP app, for tests that inspect its routes. */
  app: Hono<AppEnv>;
  /**
   * Runs the care job (missing reports, reminders, alert escalation) now, after any run under way,
   * and resolves when it is done: for tests that move the clock and then look at its effects.
   */
  runDueWork(): Promise<void>;
  /** Stops accepting connections, lets open requests finish, then closes the database. */
  close(): Promise<void>;
}

/**
 * The composition root: config → database (migrated) → stores (each built once) → services → app → HTTP server.
 * main.ts calls it with the process environment; integration tests call it with port 0.
 *
 * @example
 * const server = await startServer({ config: loadConfig({ CARELOOM_DB: file, CARELOOM_PORT: '0' }) });
 * await fetch(`${server.url}/health`);
 * await server.close();
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config } = options;
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? uuidGenerator;
  const demo = options.demo ?? options.seedDemoAccounts ?? false;
  if (demo && !config.demo) {
    throw new ConfigError(`Demo mode is off for this configuration (CARELOOM_DEMO=off or CARELOOM_HOST=${config.host}, which others can reach): demo accounts have published passwords.`);
  }
  // Before the database is opened, so a refused start creates nothing.
  const mailKey = loadMailKey(config);
  const box = createSecretBox(mailKey);
  // Research pseudonyms are keyed by a secret derived from the mail key: kept outside the database like it.
  const pseudonymSecret = createHmac('sha256', mailKey).update('careloom research export pseudonyms').digest();

  // Every e-mail is a mail_outbox row first. With CARELOOM_SMTP_URL the dispatcher sends the rows
  // (retrying across restarts); otherwise they are held for GET /api/dev/outbox.
  let dispatcher: MailDispatcher | undefined;
  // Webhook events are written by the care stores in the transaction of the change they describe;
  // the webhook dispatcher sends them (retrying across restarts), woken after each commit.
  let webhookDispatcher: WebhookDispatcher | undefined;
  const { stores, bus, applied, kind } = await openStores(config, {
    ids, now: () => clock.now(), box, mailMode: config.smtp ? 'pending' : 'held', onMailQueued: () => dispatcher?.wake(), onWebhookQueued: () => webhookDispatcher?.wake(),
    onStorageProblem: (message, fields) => logger.warn(message, fields),
  });
  if (applied.length > 0) logger.info('Applied database migrations', { database: kind, migrations: applied.join(',') });
  // Every live Yjs document and every draft decoding lives in worker threads, off the HTTP event loop.
  const yjsWorkers = createYjsWorkers();
  const temporaryFolders: string[] = [];
  try {
    // Parsed and validated on first use, not at start: validating every example delayed the first
    // answer of a production start by most of a second, and most requests never need them.
    let catalog: ExampleCatalog | undefined;
    const exampleCatalog = () => (catalog ??= loadExamples(config, options.validators ?? formatValidators, logger));
    const examples: ExampleCatalog = { list: () => exampleCatalog().list(), get: (id) => exampleCatalog().get(id) };
    let publicUrl = config.publicUrl;
    dispatcher = config.smtp
      ? createMailDispatcher({ queue: stores.mailQueue, sender: createSmtpMailSender({ smtp: config.smtp }), clock, logger, ...(options.mailTimers ? { timers: options.mailTimers } : {}) })
      : undefined;
    // The development outbox shows live invitation codes: only in demo mode, never beside SMTP.
    const outbox = dispatcher || !demo ? undefined : stores.mailOutbox;
    if (config.smtp) logger.info('E-mail', { transport: describeSmtp(config.smtp) });
    else if (outbox) logger.info('E-mail', { transport: 'development outbox (GET /api/dev/outbox)' });
    else logger.warn('E-mail is not sent: set CARELOOM_SMTP_URL and CARELOOM_MAIL_FROM. Until then invitation codes reach patients only through the therapist who enrolls them.');
    // Links in e-mails, the session cookie's Secure flag, HSTS and the CSP all come from the public URL;
    // a server others reach at http://0.0.0.0:3000 would send links nobody can open.
    if (!isLoopbackHost(config.host) && config.publicUrl === defaultPublicUrl(config.host, config.port)) {
      logger.warn('CARELOOM_PUBLIC_URL is not set: links in e-mails and the security headers use the listening address. Set it to the https address people use, e.g. https://careloom.example.org.', { assumed: config.publicUrl });
    }
    const hasher = options.passwordHasher ?? createScryptPasswordHasher();
    // The second factor's secrets are sealed, and its recovery codes keyed, under the mail key.
    const secondFactor = createSecondFactorService({
      store: stores.secondFactors,
      accounts: stores.accounts,
      sealer: box,
      recoveryKey: createHmac('sha256', mailKey).update('careloom-recovery-codes').digest(),
      throttle: stores.rateLimits.loginThrottle(() => clock.now().getTime()),
      clock,
      // Sessions that began or stopped owing a second factor: forgotten by the cache, their live
      // connections checked again, here and (through the bus) in the other processes.
      sessionsChanged: (personIds) => {
        for (const personId of personIds) accounts.sessionRevoked.emit({ personId, reason: 'second_factor' });
      },
    });
    // Held here so a revocation announced by another process can forget the person at once.
    const sessionCache = createSessionCache();
    const accounts = createAccountsServices({
      sessionCache,
      secondFactorGate: (personId) => secondFactor.requirement(personId),
      store: stores.accounts,
      hasher,
      clock,
      ids,
      rateLimits: stores.rateLimits,
      onListenerError: (error) => logger.error('A session-revoked listener failed', { error: error instanceof Error ? error.message : String(error) }),
      // Membership invitations write their e-mail into the outbox in their own transaction.
      invitations: { store: stores.memberInvitations, publicUrl: () => publicUrl },
    });
    const exampleDirectory = createExampleDirectory(config.examplesDir);
    // The collaboration server starts with the HTTP server, after the services: comment notices
    // reach it through this reference once it is there (before, nobody has a draft open).
    const collabRef: { current?: CollabServer } = {};
    const draftCodec = workerDraftCodec(yjsWorkers);
    const authoring = createAuthoringService({
      store: stores.authoring,
      drafts: stores.drafts,
      codec: draftCodec,
      examples: exampleDirectory,
      now: () => clock.now(),
      newId: () => ids.newId(),
      commentsChanged: (documentId) => collabRef.current?.commentsChanged(documentId),
    });
    // One reader of released content (and its cache) for every service that reads it.
    const releasedContent = createReleasedContent(stores.authoring);
    const care = createCareService({
      store: stores.care,
      alertSafety: stores.alertSafety,
      patientSchedules: stores.patientSchedules,
      versionMoves: stores.versionMoves,
      patientNotices: stores.patientNotices,
      staffNotices: stores.staffNotices,
      messageNoticeIntervalMs: config.messageNoticeMinutes * 60_000,
      content: releasedContent,
      accounts: createPatientAccounts({ store: stores.accounts, hasher, newId: () => ids.newId() }),
      sessions: invitedSessionsOf(accounts.authentication, hasher),
      ...(outbox ? { outbox } : {}),
      now: () => clock.now(),
      newId: () => ids.newId(),
      newInvitationCode: () => newInvitationCode(),
      responsible: stores.staff,
      rateLimits: stores.rateLimits,
      publicUrl: () => publicUrl,
      logger,
    });
    const fhir = createFhirService({ care: stores.care, responses: stores.responses, content: releasedContent, canonicalBase: () => `${publicUrl}/fhir/r4`, now: () => clock.now(), newId: () => ids.newId() });
    const staff = createStaffServices({ store: stores.staff, accounts: stores.accounts, audit: stores.audit, hasher, sessionRevoked: accounts.sessionRevoked, clock, ids, publicUrl: () => publicUrl });
    const webhooks = createWebhookService({ store: stores.webhooks, policy: config.webhookTargets, now: () => clock.now(), newId: () => ids.newId() });
    const researchExport = createResearchExportService({ care: stores.care, content: releasedContent, audit: stores.audit, pseudonymSecret, now: () => clock.now(), newId: () => ids.newId() });
    // Sign-in with an OpenID Connect provider: the flow's cookie is sealed, and identities are
    // stored as HMACs, under the mail key (never in the database).
    const oidcProvider = config.oidc
      ? createOpenidClientProvider({ config: config.oidc, redirectUri: () => `${publicUrl}${OIDC_CALLBACK_PATH}`, onError: (message, error) => logger.warn(message, { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }) })
      : undefined;
    if (config.oidc) logger.info('Sign-in with OpenID Connect', { issuer: config.oidc.issuer, identityClaim: config.oidc.identityClaim });
    const oidc = createOidcSignInService({
      provider: oidcProvider,
      identities: stores.externalIdentities,
      accounts: stores.accounts,
      authentication: accounts.authentication,
      memberInvitations: accounts.invitations,
      care,
      sealer: { seal: (text) => box.seal(text, OIDC_FLOW_COOKIE), open: (sealed) => box.open(sealed, OIDC_FLOW_COOKIE) },
      digest: identityDigester(mailKey),
      clock,
      publicUrl: () => publicUrl,
      rateLimits: stores.rateLimits,
    });
    // Media bodies live in a folder (the metadata in the database); a throwaway database gets a
    // throwaway folder, removed at close.
    const mediaDir = config.mediaDir ?? mkdtempSync(join(tmpdir(), 'careloom-media-'));
    if (config.mediaDir === undefined) temporaryFolders.push(mediaDir);
    const media = createMediaService({ store: stores.media, drafts: stores.drafts, codec: draftCodec, bodies: openMediaFiles(mediaDir), care: stores.care, maxBytes: config.mediaMaxBytes, now: () => clock.now() });
    const services: Services = { media, webhooks, researchExport, health: createHealthService({ storage: stores, version: readPackageVersion() }), examples, accounts, authoring, care, fhir, apiTokens: createApiTokenService({ store: stores.apiTokens, care: stores.care, now: () => clock.now(), newId: () => ids.newId() }), staff, dataAdmin: createDataAdminService({ store: stores.dataAdmin, now: () => clock.now(), newId: () => ids.newId(), sessionRevoked: accounts.sessionRevoked, fhir: { content: releasedContent, getUnit: (id) => stores.care.getUnit(id), canonicalBase: () => `${publicUrl}/fhir/r4` } }), oidc, secondFactor };
    if (!demo) {
      const live = await liveDemoAccounts({ store: stores.accounts, hasher });
      if (live.length > 0) {
        throw new Error(`Demo mode is off, but this database has demo accounts whose passwords are published (${live.map((account) => account.email).join(', ')}). ${REMOVE_DEMO_ACCOUNTS_HINT}`);
      }
    }
    const demoAccounts = demo ? await seedDemo({ organisations: accounts.organisations }) : [];
    if (demo) {
      await seedDemoContent({ authoring, care, organisations: accounts.organisations, accountsStore: stores.accounts, examples: exampleDirectory, logger, now: () => clock.now() });
    }
    const app = createApp({ config, clock, ids, services, logger, version: readPackageVersion(), allowedOrigins: () => originsOf(publicUrl), publicUrl: () => publicUrl,
      web: { apps: WEB_APPS, bundleOf: options.bundleOf ?? webBundles(), exampleMediaDir: join(config.examplesDir, 'media'), ...(compiledServer() ? { patientIconsDir: fileURLToPath(new URL('./web/icons/', import.meta.url)) } : {}), logger },
    });
    // A patient's repeated revalidations of a module version within a second skip the app (see
    // revalidation-cache.ts); every end of a session or change of access forgets the person's.
    const revalidations = options.revalidations ?? createRevalidationCache();
    accounts.sessionRevoked.on(({ personId }) => revalidations.forgetPerson(personId));
    const shortcut = revalidationShortcut({ cache: revalidations, logger, newId: () => ids.newId() });
    const server = await listen(rememberingFetch(app.fetch, revalidations), config, shortcut);
    const url = listeningUrl(server, config);
    const resolved = resolvePublicUrl(config, url);
    publicUrl = resolved.publicUrl;
    const collab = attachCollab(server, {
      store: stores.drafts,
      authorize: createCollabAuthorizer({ authentication: accounts.authentication, findDocument: (id) => stores.authoring.getDocument(id) }),
      allowedOrigins: originsOf(publicUrl),
      workers: yjsWorkers,
      logger,
      bus,
      // Counted in the database: a person barred for refused messages is barred on every process.
      refusalCounter: (limits) => sharedRefusalCounter(stores.rateLimits, limits, () => clock.now().getTime()),
      ...options.collab,
    });
    collabRef.current = collab;
    // A revoked role or an ended session closes (or downgrades) that person's live connections at
    // once: here, and through the bus in every other process on the database.
    const reauthorize = (personId: string) =>
      collab.reauthorize(personId).catch((error: unknown) => logger.error('Re-authorising live connections failed', { error: error instanceof Error ? error.message : String(error) }));
    accounts.sessionRevoked.on(({ personId }) => {
      void reauthorize(personId);
      if (bus.shared) bus.publish({ kind: 'access-changed', personId }).catch((error: unknown) => logger.error('A revocation was not announced to the other processes', { error: error instanceof Error ? error.message : String(error) }));
    });
    bus.subscribe(({ event, local }) => {
      if (event.kind !== 'access-changed' || local) return;
      // Another process ended the person's session or changed their roles: this process's cached
      // session must not vouch for them while their connections are re-checked.
      sessionCache.forgetPerson(event.personId);
      revalidations.forgetPerson(event.personId);
      void reauthorize(event.personId);
    });
    // Missing reports and reminders: once a minute, on the injected clock. An enrollment the job
    // skips (stored data it cannot schedule) is logged once per process, not every minute.
    const reportedSkips = new Set<string>();
    const dueWorkOnce = () =>
      care.runDueWork(clock.now()).then(
        ({ skipped, alertProtocol, ...result }) => {
          const done = { ...result, urgentAlertsNotified: alertProtocol.notified, alertsEscalated: alertProtocol.escalated };
          if (Object.values(done).some((count) => count > 0)) logger.info('Due work done', done);
          for (const { enrollmentId, code } of skipped) {
            if (reportedSkips.has(enrollmentId)) continue;
            reportedSkips.add(enrollmentId);
            logger.warn('Due work skips an enrollment whose stored data cannot be scheduled', { enrollmentId, code });
          }
        },
        (error: unknown) => logger.error('Due work failed', { error: error instanceof Error ? error.message : String(error) }),
      );
    // One run at a time: a run asked for while one is under way starts when it ends, on the clock's
    // time then (a test that moved the clock gets a run that saw the new time).
    let dueWorkRunning: Promise<void> = Promise.resolve();
    const runDueWork = () => (dueWorkRunning = dueWorkRunning.then(dueWorkOnce));
    // The timer skips its turn while its last run is under way, so slow runs never pile up.
    let timerRunBusy = false;
    const dueWork = setInterval(() => {
      if (timerRunBusy) return;
      timerRunBusy = true;
      void runDueWork().finally(() => (timerRunBusy = false));
    }, options.dueWorkEveryMs ?? 60_000);
    dueWork.unref();
    dispatcher?.start();
    webhookDispatcher = createWebhookDispatcher({
      queue: stores.webhookQueue,
      send: createWebhookSender({ policy: config.webhookTargets, userAgent: `Careloom-Webhooks/${readPackageVersion()}`, ...(options.webhooks?.timeoutMs !== undefined ? { timeoutMs: options.webhooks.timeoutMs } : {}) }),
      clock,
      logger,
      ...(options.webhooks?.retry ? { retry: options.webhooks.retry } : {}),
      ...(options.webhooks?.idleCheckMs !== undefined ? { idleCheckMs: options.webhooks.idleCheckMs } : {}),
    });
    webhookDispatcher.start();
    return {
      url,
      config: resolved,
      get exampleCount() {
        return examples.list().length;
      },
      demoAccounts,
      collab,
      app,
      runDueWork,
      close: async () => {
        clearInterval(dueWork);
        await dispatcher?.stop();
        await webhookDispatcher?.stop();
        await collab.close();
        await yjsWorkers.close();
        await shutdown(server, stores, options.shutdownGraceMs ?? 5000);
        shortcut.flush();
        for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await yjsWorkers.close();
    await stores.close();
    for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

function loadExamples(config: Config, validators: ExampleValidators, logger: Logger): ExampleCatalog {
  const files = readExampleFiles(config.examplesDir);
  if (files.length === 0) logger.warn('No example files found', { dir: config.examplesDir });
  const catalog = createExampleCatalog({ files, validators, contentHash });
  logger.info('Examples loaded', { examples: catalog.list().length });
  for (const example of catalog.list().filter((item) => !item.valid)) {
    logger.warn('Example is invalid; listed with valid:false', { file: example.file, id: example.id, issues: example.issueCount, first: example.issues[0] ? `${example.issues[0].path} ${example.issues[0].message}` : undefined });
  }
  return catalog;
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], config: Config, shortcut: Parameters<typeof createServerWithShortcut>[0]): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host, createServer: createServerWithShortcut(shortcut) }) as Server;
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      const hint = error.code === 'EADDRINUSE' ? ` Port ${config.port} is in use; set CARELOOM_PORT to another port.` : '';
      reject(new Error(`Could not listen on ${config.host}:${config.port}: ${error.message}.${hint}`, { cause: error }));
    });
  });
}

function listeningUrl(server: Server, config: Config): string {
  const address = server.address() as AddressInfo;
  return defaultPublicUrl(config.host, address.port);
}

/** With port 0 and no CARELOOM_PUBLIC_URL, the public URL is only known once listening. */
function resolvePublicUrl(config: Config, url: string): Config {
  return config.publicUrl === defaultPublicUrl(config.host, config.port) ? Object.freeze({ ...config, publicUrl: url }) : config;
}

async function shutdown(server: Server, stores: Stores, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearTimeout(timer);
  await stores.close();
}

/** Whether this is the production build (`npm run build`), whose files sit beside it, not in the sources. */
function compiledServer(): boolean {
  return !import.meta.url.endsWith('.ts');
}

/**
 * The browser bundles: the ones `npm run build` wrote beside the compiled server (its `web/`
 * folder) when this is that build, else built from the sources on first request.
 */
function webBundles(): (name: string) => Promise<Bundle> {
  const compiled = compiledServer();
  return (compiled ? prebuiltBundles(fileURLToPath(new URL('./web/', import.meta.url))) : undefined) ?? lazyBundles(WEB_APPS, repositoryRoot);
}
