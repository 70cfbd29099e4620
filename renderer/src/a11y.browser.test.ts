import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { Module } from '@careloom/format';
import type { ClModulePage } from './module-page.js';
import { $, $$, copdDaily, panicWeek1, phq9, renderPage, seriousViolations, settle, unitContact } from './test-helpers.js';
import type { PageOptions } from './test-helpers.js';
import { everyInput, gridModule, unsafeRichText } from './test-modules.js';

/** A page per block kind (and the states worth checking), with the block kinds it shows. */
const cases: Array<{ name: string; module: Module; options?: PageOptions; kinds: string[] }> = [
  { name: 'rich text, yes/no and single choice', module: panicWeek1, kinds: ['cl-text-block', 'cl-question-block'] },
  { name: 'image', module: panicWeek1, options: { pageId: 'whatIsPanic' }, kinds: ['cl-image-block'] },
  { name: 'film', module: panicWeek1, options: { pageId: 'film' }, kinds: ['cl-film-block'] },
  { name: 'exercise with its fields', module: panicWeek1, options: { pageId: 'homework' }, kinds: ['cl-exercise-block'] },
  { name: 'unit contact', module: panicWeek1, options: { pageId: 'nextSteps', unitContact }, kinds: ['cl-unit-contact-block'] },
  { name: 'unit contact placeholder', module: panicWeek1, options: { pageId: 'nextSteps' }, kinds: ['cl-unit-contact-block'] },
  { name: 'every input kind', module: everyInput, kinds: ['cl-question-block'] },
  { name: 'grid', module: gridModule, kinds: ['cl-grid-block'] },
  {
    name: 'instrument with scores',
    module: phq9,
    options: { showScores: true, unitContact, answers: { phq9_1: 'nearlyEveryDay', phq9_9: 'severalDays' } },
    kinds: ['cl-instrument-block'],
  },
  {
    name: 'registration in the red zone',
    module: copdDaily,
    options: { unitContact, answers: { breathlessness: 'atRest' } },
    kinds: ['cl-registration-block'],
  },
  { name: 'rich text with every node', module: unsafeRichText, kinds: ['cl-text-block'] },
  { name: 'Swedish page', module: panicWeek1, options: { language: 'sv', pageId: 'quiz' }, kinds: ['cl-question-block'] },
];

describe('accessibility (axe-core: no serious or critical violations)', () => {
  it('the check itself finds problems inside a shadow root', async () => {
    const host = await fixture(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<input type="text"><p style="color:#bbb;background:#fff">faint</p>';
    const found = await seriousViolations(host);
    expect(found.join('\n')).to.contain('label');
    expect(found.join('\n')).to.contain('color-contrast');
  });

  for (const testCase of cases) {
    it(testCase.name, async () => {
      const page = await renderPage(testCase.module, testCase.options);
      for (const kind of testCase.kinds) expect($$(page, kind).length, kind).to.be.greaterThan(0);
      expect(await seriousViolations(page)).to.deep.equal([]);
    });
  }

  it('with the error summary and inline errors shown', async () => {
    const page = await renderPage(gridModule);
    $(page, '[data-action="next"]').click();
    await settle(page);
    expect($$(page, '.error-summary')).to.have.length(1);
    expect(await seriousViolations(page)).to.deep.equal([]);
    const quiz = await renderPage(panicWeek1, { pageId: 'quiz' });
    $(quiz, '[data-action="next"]').click();
    await settle(quiz);
    expect(await seriousViolations(quiz)).to.deep.equal([]);
  });

  it('labels every form control', async () => {
    const page = await renderPage(everyInput);
    for (const control of $$(page, 'input, select, textarea')) {
      const input = control as HTMLInputElement;
      const named = input.labels?.length || input.getAttribute('aria-labelledby') || input.getAttribute('aria-label');
      expect(Boolean(named), input.id || input.name).to.equal(true);
    }
  });
});

describe('narrow screens (360 px)', () => {
  before(async () => {
    await setViewport({ width: 360, height: 740 });
    expect(window.innerWidth).to.equal(360);
  });
  after(async () => {
    await setViewport({ width: 1024, height: 768 });
  });

  function expectNoHorizontalOverflow(page: ClModulePage, name: string): void {
    expect(document.documentElement.scrollWidth, `${name}: document`).to.be.at.most(360);
    const article = $(page, 'article');
    expect(article.scrollWidth, `${name}: page`).to.be.at.most(article.clientWidth);
    for (const element of $$(page, '*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || element.closest('.visually-hidden, thead')) continue;
      expect(box.right, `${name}: ${element.tagName.toLowerCase()}.${element.className}`).to.be.at.most(361);
    }
  }

  const pages: Array<[string, Module, PageOptions]> = [
    ['welcome', panicWeek1, {}],
    ['homework', panicWeek1, { pageId: 'homework' }],
    ['contact', panicWeek1, { pageId: 'nextSteps', unitContact }],
    ['every input', everyInput, {}],
    ['grid', gridModule, {}],
    ['phq-9', phq9, { showScores: true, answers: { phq9_9: 'nearlyEveryDay' } }],
    ['copd red', copdDaily, { language: 'sv', unitContact, answers: { breathlessness: 'atRest' } }],
  ];
  for (const [name, module, options] of pages) {
    it(`has no horizontal scrolling: ${name}`, async () => {
      const page = await renderPage(module, options);
      expectNoHorizontalOverflow(page, name);
    });
  }

  it('stacks the grid: option texts shown, 44 px touch targets', async () => {
    const page = await renderPage(gridModule);
    const cell = $(page, 'input[name="weekSleep"][value="often"]').closest('label') as HTMLElement;
    expect(getComputedStyle(cell.querySelector('.cell-label') as HTMLElement).display).to.not.equal('none');
    expect(cell.getBoundingClientRect().height).to.be.at.least(44);
    expect(cell.getBoundingClientRect().width).to.be.greaterThan(200);
  });

  it('gives choices and buttons touch targets of at least 44 px', async () => {
    const page = await renderPage(everyInput);
    const targets = [...$$(page, '.choice'), ...$$(page, 'button'), ...$$(page, 'select'), ...$$(page, 'input[type="text"]')];
    expect(targets.length).to.be.greaterThan(10);
    for (const target of targets) expect(target.getBoundingClientRect().height, target.className || target.tagName).to.be.at.least(44);
  });
});
