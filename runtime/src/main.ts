// The process entry point (`npm start`; `npm run serve` via serve.ts): reads the environment, starts
// the server (composed in server.ts) in demo mode when the configuration allows it (CARELOOM_DEMO, a
// loopback host), prints where it runs and stops cleanly on SIGINT/SIGTERM.
import { loadConfig } from './config.js';
import { createBufferedSink } from './buffered-sink.js';
import { createConsoleLogger } from './console-logger.js';
import { startServer } from './server.js';
import { stackWithSources } from './stack-sources.js';

// Info lines (one per request) are written once per event-loop turn; warnings and errors at once.
// Logged stacks name the TypeScript sources also when the server runs compiled.
const logger = createConsoleLogger({ out: createBufferedSink(process.stdout), err: process.stderr, stack: stackWithSources });

try {
  const config = loadConfig(process.env);
  const server = await startServer({ config, logger, demo: config.demo });
  logger.info(`Careloom is running at ${server.config.publicUrl}`, {
    listening: server.url === server.config.publicUrl ? undefined : server.url,
    database: server.config.databaseFile,
    mode: config.demo ? 'demo' : 'production',
  });
  printDemoAccounts(server.demoAccounts, server.config.publicUrl);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('Stopping', { signal });
    server.close().then(
      () => {
        logger.info('Stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error('Could not stop cleanly', { error: error instanceof Error ? error.message : String(error) });
        process.exit(1);
      },
    );
  };
  // `on`, not `once`: a stop often brings the signal twice (npx and tsx pass on the one they got,
  // a process manager repeats it), and with the handler gone the second killed the process midway
  // through closing, before its last log lines were written.
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  logger.error(`Careloom could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

/** The demo accounts go to stdout as plain lines (not through the logger): they are meant to be read. */
function printDemoAccounts(accounts: ReadonlyArray<{ email: string; password: string; roles: readonly string[]; organisation: string }>, url: string): void {
  if (accounts.length === 0) return;
  const lines = [
    '',
    'Demo mode — demo accounts FOR LOCAL USE ONLY. Anyone who reads this can sign in. For a shared or',
    'production server use `npm run serve` (no demo accounts) and `npm run admin:create`.',
    ...accounts.map((account) => `  ${account.roles.join(', ').padEnd(22)} ${account.email.padEnd(38)} ${account.password.padEnd(34)} (${account.organisation})`),
    '',
    `Designer (designers, publishers, testers, permissions admins): ${url}/designer`,
    `Clinic (therapists, care-provider admins):                     ${url}/clinic`,
    `Patient app (patients sign in with the invitation a therapist gives them): ${url}/`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
