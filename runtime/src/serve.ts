// `npm run serve`: the production start. The same entry point as `npm start`, with demo mode off
// whatever the environment says: no demo accounts, no development outbox, and the start is refused
// while the database still has demo accounts with their published passwords.
process.env['CARELOOM_DEMO'] = 'off';
await import('./main.js');

export {};
