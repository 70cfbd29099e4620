import { build } from 'esbuild';
try {
  await build({ entryPoints: ['designer/src/app/main.ts'], bundle: true, write: false, format: 'esm', logLevel: 'silent' });
  console.log('ok');
} catch (e) { console.log(String((e as Error).message).slice(0, 3000)); }
