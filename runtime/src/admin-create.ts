// `npm run admin:create -- --email … --name … --organisation … [--kind care_provider|publisher]`:
// creates the first administrator of a production server (see cli/admin-create-command.ts).
import { runAdminCreate } from './cli/admin-create-command.js';

process.exitCode = await runAdminCreate(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
