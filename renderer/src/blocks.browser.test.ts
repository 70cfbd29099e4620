import { expect, oneEvent } from '@open-wc/testing';
import type { AnswerChangeDetail } from './context.js';
import { $, $$, choose, panicWeek1, renderPage, settle, typeInto, unitContact } from './test-helpers.js';
import { everyInput, gridModule, unsafeRichText } from './test-modules.js';
import type { ClModulePage } from './module-page.js';

async function answerOf(page: ClModulePage, act: () => void): Promise<AnswerChangeDetail> {
  setTimeout(act);
  return ((await oneEvent(page, 'answer-change')) as CustomEvent<AnswerChangeDetail>).detail;
}

describe('input kinds', () => {
  it('dropdown: a labelled select that answers with the option id, or null for the placeholder', async () => {
    const page = await renderPage(everyInput);
    const select = $(page, '#cl-input-country') as HTMLSelectElement;
    expect($(page, 'label[for="cl-input-country"]').textContent).to.contain('Where do you live?');
    expect(select.getAttribute('aria-describedby')).to.equal('cl-help-country');
    select.value = 'no';
    expect(await answerOf(page, () => select.dispatchEvent(new Event('change')))).to.deep.equal({ itemId: 'country', value: 'no' });
    select.value = '';
    expect(await answerOf(page, () => select.dispatchEvent(new Event('change')))).to.deep.equal({ itemId: 'country', value: null });
  });

  it('scale: a radio group in a fieldset', async () => {
    const page = await renderPage(everyInput);
    expect($(page, '#cl-group-mood').tagName).to.equal('FIELDSET');
    expect(await answerOf(page, () => choose($(page, 'input[name="mood"][value="good"]')))).to.deep.equal({ itemId: 'mood', value: 'good' });
  });

  it('multiple choice: a list of ids in option order, at most maxSelected, at least minSelected', async () => {
    const page = await renderPage(everyInput);
    expect($(page, '#cl-hint-symptoms').textContent).to.equal('Choose 1 to 2');
    expect(await answerOf(page, () => choose($(page, 'input[name="symptoms"][value="dizzy"]')))).to.deep.equal({ itemId: 'symptoms', value: ['dizzy'] });
    await settle(page);
    expect(await answerOf(page, () => choose($(page, 'input[name="symptoms"][value="headache"]')))).to.deep.equal({
      itemId: 'symptoms',
      value: ['headache', 'dizzy'],
    });
    await settle(page);
    expect(($(page, 'input[name="symptoms"][value="nausea"]') as HTMLInputElement).disabled).to.equal(true);
    choose($(page, 'input[name="symptoms"][value="dizzy"]'));
    await settle(page);
    expect(($(page, 'input[name="symptoms"][value="nausea"]') as HTMLInputElement).disabled).to.equal(false);
    expect(await answerOf(page, () => choose($(page, 'input[name="symptoms"][value="headache"]')))).to.deep.equal({ itemId: 'symptoms', value: null });
  });

  it('slider: a range with end labels and the chosen value written out', async () => {
    const page = await renderPage(everyInput);
    const range = $(page, '#cl-input-anxiety') as HTMLInputElement;
    expect(range.type).to.equal('range');
    expect($(page, '#cl-group-anxiety .slider-value').textContent).to.equal('Not answered yet');
    expect($(page, '#cl-group-anxiety .slider-ends').textContent).to.contain('Not at all');
    range.value = '7';
    expect(await answerOf(page, () => range.dispatchEvent(new Event('input')))).to.deep.equal({ itemId: 'anxiety', value: 7 });
    await settle(page);
    expect($(page, '#cl-group-anxiety .slider-value').textContent).to.equal('Your answer: 7');
    expect(range.getAttribute('aria-valuetext')).to.equal('7');
  });

  it('number: unit and range in the description; out-of-range or too many decimals is refused with an error', async () => {
    const page = await renderPage(everyInput);
    const input = $(page, '#cl-input-weight');
    expect($(page, '#cl-hint-weight').textContent).to.equal('Between 30 and 250, up to 1 decimal (kg)');
    expect($(page, '#cl-group-weight .unit').textContent).to.equal('kg');
    expect(await answerOf(page, () => typeInto(input, '72,5'))).to.deep.equal({ itemId: 'weight', value: 72.5 });
    expect(await answerOf(page, () => typeInto(input, '300'))).to.deep.equal({ itemId: 'weight', value: null });
    await settle(page);
    expect($(page, '#cl-error-weight').textContent).to.contain('Enter a number between 30 and 250');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('cl-error-weight');
    expect((input as HTMLInputElement).value).to.equal('300');
    typeInto(input, '70.25');
    await settle(page);
    expect($(page, '#cl-error-weight').textContent).to.contain('at most 1 decimals');
    // Next lists the refused number even though the question is optional.
    $(page, '#cl-input-country').dispatchEvent(new Event('change'));
    $(page, '[data-action="next"]').click();
    await settle(page);
    expect($$(page, '.error-summary a').map((link) => link.getAttribute('href'))).to.include('#cl-input-weight');
    typeInto(input, '70.2');
    await settle(page);
    expect($$(page, '#cl-error-weight')).to.have.length(0);
  });

  it('text: maxlength and a character counter tied to the input; multiline is a textarea', async () => {
    const page = await renderPage(everyInput);
    const input = $(page, '#cl-input-note') as HTMLInputElement;
    expect(input.maxLength).to.equal(100);
    expect(input.getAttribute('aria-describedby')).to.equal('cl-hint-note');
    expect(await answerOf(page, () => typeInto(input, 'Hello'))).to.deep.equal({ itemId: 'note', value: 'Hello' });
    await settle(page);
    expect($(page, '#cl-hint-note').textContent).to.equal('5 of 100 characters');
    expect($(page, '#cl-input-story').tagName).to.equal('TEXTAREA');
  });

  it('date, time and date-time answer with ISO strings', async () => {
    const page = await renderPage(everyInput);
    expect(($(page, '#cl-input-day') as HTMLInputElement).type).to.equal('date');
    expect(($(page, '#cl-input-bedtime') as HTMLInputElement).type).to.equal('time');
    expect(($(page, '#cl-input-when') as HTMLInputElement).type).to.equal('datetime-local');
    expect(await answerOf(page, () => typeInto($(page, '#cl-input-day'), '2026-03-01'))).to.deep.equal({ itemId: 'day', value: '2026-03-01' });
    expect(await answerOf(page, () => typeInto($(page, '#cl-input-bedtime'), '22:30'))).to.deep.equal({ itemId: 'bedtime', value: '22:30' });
    expect(await answerOf(page, () => typeInto($(page, '#cl-input-when'), '2026-03-01T07:30'))).to.deep.equal({ itemId: 'when', value: '2026-03-01T07:30' });
  });

  it('yes/no uses the module labels', async () => {
    const page = await renderPage(everyInput);
    expect($(page, '#cl-group-slept .choices').textContent).to.contain('Yes, well');
    expect(await answerOf(page, () => choose($(page, 'input[name="slept"][value="yes"]')))).to.deep.equal({ itemId: 'slept', value: true });
  });
});

describe('grid', () => {
  it('is a table whose radios are named by row and column header; every row is required', async () => {
    const page = await renderPage(gridModule);
    expect($$(page, 'th[scope="col"]').map((header) => header.textContent)).to.deep.equal(['Never', 'Sometimes', 'Often', 'Nearly every day']);
    const radio = $(page, 'input[name="weekWorry"][value="often"]');
    const names = (radio.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => $(page, `#${id}`).textContent);
    expect(names).to.deep.equal(['worry about your health?', 'Often']);
    expect(await answerOf(page, () => choose(radio))).to.deep.equal({ itemId: 'weekWorry', value: 'often' });
    $(page, '[data-action="next"]').click();
    await settle(page);
    expect($$(page, '.error-summary a').map((link) => link.getAttribute('href'))).to.deep.equal(['#cl-input-weekSleep', '#cl-input-weekAvoid']);
    expect($(page, 'input[name="weekSleep"][value="never"]').getAttribute('aria-describedby')).to.equal('cl-error-weekSleep');
  });
});

describe('rich text, media and contact', () => {
  it('builds the allow-list as DOM: no markup from strings, safe links only, unknown nodes as text', async () => {
    const page = await renderPage(unsafeRichText);
    const text = $(page, 'cl-text-block');
    expect(text.querySelectorAll('img')).to.have.length(0);
    expect(text.textContent).to.contain('<img src=x onerror="window.hacked=1">');
    expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
    const links = [...text.querySelectorAll('a')];
    expect(links).to.have.length(1);
    expect(links[0]?.getAttribute('href')).to.equal('https://example.org');
    expect(links[0]?.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(text.textContent).to.contain('bad link');
    // Protocol-relative targets (//host, and /\host, which browsers read the same way) render as text.
    expect(text.textContent).to.contain('off-site link');
    expect(text.textContent).to.contain('backslash link');
    expect(text.querySelector('ol')?.getAttribute('start')).to.equal('3');
    expect(text.querySelector('ol em strong, ol strong em')).to.not.equal(null);
    expect(text.querySelector('br')).to.not.equal(null);
    expect(text.querySelector('blockquote')?.textContent).to.contain('quoted');
    expect(text.querySelector('script')).to.equal(null);
    expect(text.textContent).to.contain('kept as text');
  });

  it('image: alt text, caption and credit', async () => {
    const page = await renderPage(panicWeek1, { pageId: 'whatIsPanic' });
    const image = $(page, 'cl-image-block img') as HTMLImageElement;
    expect(image.alt).to.contain("Diagram of the body's alarm system");
    expect(image.getAttribute('src')).to.equal('/media/examples/panic/alarm-system.svg');
    expect($(page, 'cl-image-block figcaption').textContent).to.contain('The alarm goes off although there is no danger');
    expect($(page, 'cl-image-block .credit').textContent).to.contain('CC BY 4.0');
  });

  it('film: caption tracks (the page language by default) and the transcript in a disclosure', async () => {
    const page = await renderPage(panicWeek1, { pageId: 'film', language: 'sv' });
    const tracks = $$(page, 'video track') as HTMLTrackElement[];
    expect(tracks.map((track) => [track.kind, track.srclang, track.default])).to.deep.equal([
      ['captions', 'en', false],
      ['captions', 'sv', true],
    ]);
    const details = $(page, 'details.transcript') as HTMLDetailsElement;
    expect(details.open).to.equal(false);
    expect($(page, 'details.transcript summary').textContent).to.equal('Läs textversionen');
    expect(details.textContent).to.contain('Sara:');
    expect($(page, 'video').getAttribute('aria-describedby')).to.equal('cl-film-desc-saraFilm');
  });

  it('unit contact: the crisis number first and callable; a placeholder without the overlay', async () => {
    const page = await renderPage(panicWeek1, { pageId: 'nextSteps', unitContact });
    expect($(page, '.crisis a').getAttribute('href')).to.equal('tel:112');
    expect($(page, '.crisis').textContent).to.contain('If it is urgent, call');
    expect($(page, '.unit-contact dl').textContent).to.contain('Psychiatry Outpatient Clinic North');
    expect($(page, '.unit-contact dl').textContent).to.contain('Mon–Fri 8–16');
    // 'email' is not in the block's show list.
    expect($(page, '.unit-contact dl').textContent).to.not.contain('north@example.org');
    const placeholder = await renderPage(panicWeek1, { pageId: 'nextSteps' });
    expect($(placeholder, '.unit-contact .placeholder-text').textContent).to.contain("care unit's contact details");
  });

  it('exercise: title, practice days, instructions and fields', async () => {
    const page = await renderPage(panicWeek1, { pageId: 'homework' });
    expect($(page, 'cl-exercise-block h2').textContent).to.equal('Panic diary');
    expect($(page, '.practice-days').textContent).to.equal('Practise for 7 days');
    expect($$(page, 'cl-exercise-block .item').length).to.be.greaterThan(5);
    expect($(page, '#cl-input-diaryWhen').getAttribute('type')).to.equal('datetime-local');
  });
});
