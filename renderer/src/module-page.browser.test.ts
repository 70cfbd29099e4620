import { expect, oneEvent } from '@open-wc/testing';
import type { Module } from '@careloom/format';
import type { AnswerChangeDetail, NavigateDetail } from './context.js';
import { $, $$, choose, copdDaily, panicWeek1, phq9, renderPage, settle, typeInto } from './test-helpers.js';

const quizCorrect = { quizFaint: 'rarely', quizMaintain: 'avoidance', quizPeak: 'passes' };

/** A page whose second block shows only after the first question is answered 'yes'. */
const samePageCondition: Module = {
  formatVersion: 1,
  id: 'condition-test',
  title: { en: 'Condition test' },
  languages: ['en'],
  defaultLanguage: 'en',
  pages: [
    {
      id: 'p1',
      title: { en: 'One page' },
      blocks: [
        { type: 'question', id: 'smoker', prompt: { en: 'Do you smoke?' }, input: { kind: 'yesNo' } },
        {
          type: 'question',
          id: 'cigarettes',
          visibleWhen: { op: 'eq', item: 'smoker', value: true },
          prompt: { en: 'How many cigarettes a day?' },
          required: true,
          input: { kind: 'number', min: 1, max: 100 },
        },
      ],
    },
  ],
};

describe('<cl-module-page> with panic-week-1', () => {
  it('renders the first page: title, progress, rich text under the page heading, questions', async () => {
    const page = await renderPage(panicWeek1);
    expect($(page, 'h1').textContent).to.equal('Welcome');
    expect($(page, '.progress').textContent).to.match(/^Page 1 of \d+$/);
    // The rich text's own level-1 heading sits under the page's h1.
    expect($(page, 'cl-text-block h2').textContent).to.equal('Welcome to the program');
    expect($$(page, 'h1')).to.have.length(1);
    expect($(page, '.callout-crisis').textContent).to.contain('112');
    expect($(page, '#cl-group-hadAttackLastWeek legend').textContent).to.contain('(required)');
    expect($(page, '#cl-group-mainFear legend').textContent).to.contain('(optional)');
    expect($(page, 'article').getAttribute('lang')).to.equal('en');
    expect($$(page, '[data-action="back"]')).to.have.length(0);
  });

  it('fires answer-change with the option id, a boolean for yes/no', async () => {
    const page = await renderPage(panicWeek1, { pageId: 'quiz' });
    const radio = $(page, 'input[name="quizFaint"][value="rarely"]');
    setTimeout(() => choose(radio));
    const event = await oneEvent(page, 'answer-change');
    expect((event as CustomEvent<AnswerChangeDetail>).detail).to.deep.equal({ itemId: 'quizFaint', value: 'rarely' });
    expect(event.bubbles && event.composed).to.equal(true);

    const welcome = await renderPage(panicWeek1);
    setTimeout(() => choose($(welcome, 'input[name="hadAttackLastWeek"][value="no"]')));
    const yesNo = await oneEvent(welcome, 'answer-change');
    expect((yesNo as CustomEvent<AnswerChangeDetail>).detail).to.deep.equal({ itemId: 'hadAttackLastWeek', value: false });
  });

  it('collects every quiz answer', async () => {
    const page = await renderPage(panicWeek1, { pageId: 'quiz' });
    const seen: AnswerChangeDetail[] = [];
    page.addEventListener('answer-change', (event) => seen.push(event.detail));
    choose($(page, 'input[name="quizFaint"][value="often"]'));
    choose($(page, 'input[name="quizMaintain"][value="avoidance"]'));
    choose($(page, 'input[name="quizPeak"][value="passes"]'));
    choose($(page, 'input[name="quizFaint"][value="rarely"]'));
    expect(seen).to.deep.equal([
      { itemId: 'quizFaint', value: 'often' },
      { itemId: 'quizMaintain', value: 'avoidance' },
      { itemId: 'quizPeak', value: 'passes' },
      { itemId: 'quizFaint', value: 'rarely' },
    ]);
    expect(page.answers).to.include(quizCorrect);
  });

  it('shows a visibleWhen block once its condition holds (same page, and from earlier answers)', async () => {
    const page = await renderPage(samePageCondition);
    expect($$(page, '[data-block="cigarettes"]')).to.have.length(0);
    choose($(page, 'input[name="smoker"][value="yes"]'));
    await settle(page);
    expect($$(page, '[data-block="cigarettes"]')).to.have.length(1);
    expect($(page, '#cl-group-cigarettes label').textContent).to.contain('How many cigarettes a day?');

    const cycle = await renderPage(panicWeek1, { pageId: 'panicCycle' });
    expect($$(cycle, '[data-block^="fear"]')).to.have.length(0);
    cycle.answers = { mainFear: 'heart' };
    await settle(cycle);
    expect($$(cycle, '[data-block^="fear"]').map((block) => block.dataset['block'])).to.deep.equal(['fearHeart']);
  });

  it('blocks Next while required answers are missing: error summary, focused, linked to the inputs', async () => {
    const page = await renderPage(panicWeek1, { pageId: 'quiz', answers: { quizMaintain: 'avoidance' } });
    let navigated = false;
    page.addEventListener('navigate', () => (navigated = true));
    $(page, '[data-action="next"]').click();
    await settle(page);
    expect(navigated).to.equal(false);
    const summary = $(page, '.error-summary');
    expect(page.shadowRoot?.activeElement === summary, 'summary focused').to.equal(true);
    const links = $$(page, '.error-summary a');
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['#cl-input-quizFaint', '#cl-input-quizPeak']);
    expect(links[0]?.textContent).to.contain('Can a panic attack make you faint?');
    // The inline error is tied to the group.
    const group = $(page, '#cl-group-quizFaint');
    expect(group.getAttribute('aria-describedby')).to.contain('cl-error-quizFaint');
    expect($(page, '#cl-error-quizFaint').textContent).to.contain('Answer this question');
    // A summary link moves focus to its input.
    links[1]?.click();
    expect(page.shadowRoot?.activeElement?.id).to.equal('cl-input-quizPeak');
    // Answering removes the item from the summary.
    choose($(page, 'input[name="quizPeak"][value="passes"]'));
    await settle(page);
    expect($$(page, '.error-summary a')).to.have.length(1);
  });

  it('follows the quiz branch: all correct skips the review, a wrong answer goes to it', async () => {
    const right = await renderPage(panicWeek1, { pageId: 'quiz', answers: quizCorrect });
    setTimeout(() => $(right, '[data-action="next"]').click());
    expect(((await oneEvent(right, 'navigate')) as CustomEvent<NavigateDetail>).detail).to.deep.equal({ to: 'homework' });

    const wrong = await renderPage(panicWeek1, { pageId: 'quiz', answers: { ...quizCorrect, quizPeak: 'escalates' } });
    setTimeout(() => $(wrong, '[data-action="next"]').click());
    expect(((await oneEvent(wrong, 'navigate')) as CustomEvent<NavigateDetail>).detail).to.deep.equal({ to: 'quizReview' });
  });

  it('goes Back along the path taken and finishes on the last page', async () => {
    const homework = await renderPage(panicWeek1, { pageId: 'homework', answers: quizCorrect });
    setTimeout(() => $(homework, '[data-action="back"]').click());
    expect(((await oneEvent(homework, 'navigate')) as CustomEvent<NavigateDetail>).detail).to.deep.equal({ to: 'quiz' });

    const last = await renderPage(panicWeek1, { pageId: 'nextSteps' });
    expect($(last, '[data-action="next"]').textContent?.trim()).to.equal('Finish');
    setTimeout(() => $(last, '[data-action="next"]').click());
    expect(((await oneEvent(last, 'navigate')) as CustomEvent<NavigateDetail>).detail).to.deep.equal({ to: null });
  });

  it('moves focus to the new page heading when pageId changes', async () => {
    const page = await renderPage(panicWeek1);
    page.pageId = 'whatIsPanic';
    await settle(page);
    expect(page.shadowRoot?.activeElement === $(page, 'h1'), 'heading focused').to.equal(true);
    expect($(page, 'h1').textContent).to.equal('What is a panic attack?');
  });

  it('renders Swedish content and interface strings', async () => {
    const page = await renderPage(panicWeek1, { language: 'sv' });
    expect($(page, 'h1').textContent).to.equal('Välkommen');
    expect($(page, '.progress').textContent).to.match(/^Sida 1 av \d+$/);
    expect($(page, '[data-action="next"]').textContent?.trim()).to.equal('Nästa');
    expect($(page, 'article').getAttribute('lang')).to.equal('sv');
    expect($(page, '#cl-group-hadAttackLastWeek legend').textContent).to.contain('(obligatorisk)');
    expect($(page, 'input[name="hadAttackLastWeek"][value="yes"]').parentElement?.textContent).to.contain('Ja');
    $(page, '[data-action="next"]').click();
    await settle(page);
    expect($(page, '.error-summary h2').textContent).to.equal('Något saknas');
  });

  it('falls back to the default language for a language the module lacks', async () => {
    const page = await renderPage(panicWeek1, { language: 'fr' });
    expect($(page, 'h1').textContent).to.equal('Welcome');
    expect($(page, 'article').getAttribute('lang')).to.equal('en');
    const swedishRegion = await renderPage(panicWeek1, { language: 'sv-FI' });
    expect($(swedishRegion, 'h1').textContent).to.equal('Välkommen');
  });

  it('lets a read-only page be browsed without answers', async () => {
    const page = await renderPage(panicWeek1, { pageId: 'quiz', readOnly: true });
    expect(($(page, 'input[name="quizFaint"]') as HTMLInputElement).disabled).to.equal(true);
    setTimeout(() => $(page, '[data-action="next"]').click());
    expect(((await oneEvent(page, 'navigate')) as CustomEvent<NavigateDetail>).detail.to).to.equal('quizReview');
  });
});

describe('<cl-module-page> scores and zones', () => {
  it('shows the PHQ-9 total, band and the item-9 alert with showScores', async () => {
    const answers: Record<string, string> = {};
    for (let item = 1; item <= 8; item += 1) answers[`phq9_${item}`] = 'moreThanHalf';
    answers['phq9_9'] = 'severalDays';
    const page = await renderPage(phq9, { answers, showScores: true });
    expect($(page, '.score-total').textContent).to.contain('17');
    expect($(page, '.score-band').textContent).to.equal('Moderately severe depression');
    expect($(page, '[data-alert="item9"]').textContent).to.contain('Item 9');
    expect($(page, '[data-alert="item9"]').textContent).to.contain('Urgent');
  });

  it('hides scores from patients, and updates the total as items are answered', async () => {
    const hidden = await renderPage(phq9, { answers: { phq9_1: 'notAtAll' } });
    expect($$(hidden, '.scores')).to.have.length(0);
    const page = await renderPage(phq9, { showScores: true });
    expect($(page, '.score-total').textContent).to.contain('Not enough answers');
    for (let item = 1; item <= 9; item += 1) choose($(page, `input[name="phq9_${item}"][value="notAtAll"]`));
    await settle(page);
    expect($(page, '.score-total').textContent).to.contain('0 (0–27)');
    expect($(page, '.score-band').textContent).to.equal('Minimal or no depressive symptoms');
    expect($(page, '.no-alerts').textContent).to.equal('No alerts');
  });

  it('shows the red zone, why, and the red action for a red COPD entry', async () => {
    const page = await renderPage(copdDaily, { answers: { breathlessness: 'atRest', temperature: 37.2 } });
    const zone = $(page, '.zone');
    expect(zone.dataset['zone']).to.equal('red');
    expect($(page, '.zone-label').textContent).to.contain('Red zone');
    expect($(page, '.zone-icon').getAttribute('aria-hidden')).to.equal('true');
    expect($(page, '.zone-why + ul').textContent).to.contain('very breathless even at rest');
    expect($(page, '.zone-action').textContent).to.contain('Red: you need help today');
  });

  it('moves from green to yellow to red as the entry changes', async () => {
    const page = await renderPage(copdDaily, { language: 'sv' });
    expect($(page, '.zone').dataset['zone']).to.equal(undefined);
    choose($(page, 'input[name="breathlessness"][value="usual"]'));
    await settle(page);
    expect($(page, '.zone').dataset['zone']).to.equal('green');
    expect($(page, '.zone-label').textContent).to.contain('Grön zon');
    typeInto($(page, '#cl-input-temperature'), '38,2');
    await settle(page);
    expect(page.answers['temperature']).to.equal(38.2);
    expect($(page, '.zone-label').textContent).to.contain('Gul zon');
    typeInto($(page, '#cl-input-temperature'), '39.5');
    await settle(page);
    expect($(page, '.zone-label').textContent).to.contain('Röd zon');
  });
});
