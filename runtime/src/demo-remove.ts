// `npm run demo:remove`: retires the demo accounts of the database CARELOOM_DB names (see cli/demo-remove-command.ts).
import { runDemoRemove } from './cli/demo-remove-command.js';

process.exitCode = await runDemoRemove({ stdout: process.stdout, stderr: process.stderr, env: process.env });
