// The designer on a phone (issue 16): at 360 px wide the library, the module editor, the program
// editor and both review screens fit the screen in English, Swedish and Norwegian. The module
// editor was 508 px wide (outline, page and preview side by side) and the review screen 721 px (the
// version table), so the page scrolled sideways.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin, PHONE, startE2e, watchErrors, type E2eSystem } from '../src/e2e/e2e-harness.js';
import { lazyBundles } from '../src/web/bundle.js';
import { repositoryRoot, WEB_APPS } from '../src/web/web-apps.js';

const bundleOf = lazyBundles(WEB_APPS, repositoryRoot);

const SCREENS = [
  { hash: '#/library', ready: 'cl-library table' },
  { hash: '#/modules/panic-week-1', ready: 'cl-module-editor .ProseMirror' },
  { hash: '#/modules/panic-week-1/review', ready: 'cl-version-history table' },
  { hash: '#/programs/panic-icbt-8-weeks', ready: 'cl-program-editor select' },
  { hash: '#/programs/panic-icbt-8-weeks/review', ready: 'cl-version-history table' },
] as const;

/** How wide the page is, and the widest few elements past the screen's edge (shadow roots included), to say what overflows. */
function measure(page: Page) {
  return page.evaluate(() => {
    const past: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.right > window.innerWidth + 1) past.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} ends at ${Math.round(box.right)} px`);
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return { scrollWidth: document.documentElement.scrollWidth, past: past.slice(0, 5) };
  });
}

describe('the designer on a 360 px phone', () => {
  let system: E2eSystem;
  beforeAll(async () => {
    [system] = await Promise.all([startE2e({ bundleOf }), bundleOf('designer')]);
  });
  afterAll(async () => {
    await system?.close();
  });

  it.each(['en', 'sv', 'nb'])('fits every editor and review screen without sideways scrolling (%s)', async (language) => {
    const login = demoLogin('designer');
    const context = await system.newContext(PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/designer#/library');
    await page.getByLabel('E-mail address').fill(login.email);
    await page.getByLabel('Password').fill(login.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    if (language !== 'en') await page.locator('cl-app-header select').first().selectOption(language);
    for (const screen of SCREENS) {
      await page.goto(`/designer${screen.hash}`);
      await page.locator(screen.ready).first().waitFor();
      const { scrollWidth, past } = await measure(page);
      expect({ screen: screen.hash, scrollWidth, past }).toEqual({ screen: screen.hash, scrollWidth: PHONE.width, past: [] });
    }
    expect(errors).toEqual([]);
  });
});
