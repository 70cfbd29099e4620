// Renders the patient app's icon (runtime/web/patient/icons/careloom.svg) to the PNG sizes a phone
// asks for when the app is added to the home screen. Run from the repository root after changing the
// SVG: node tools/make-app-icons.mjs (needs /usr/bin/chromium).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const svg = readFileSync('runtime/web/patient/icons/careloom.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: `runtime/web/patient/icons/careloom-${size}.png`, omitBackground: false });
  await page.close();
}
await browser.close();
