import { expect } from '@open-wc/testing';
import type { Module } from '@careloom/format';
import { $, $$, renderPage, settle, typeInto } from './test-helpers.js';

/** A module written in English only, as a patient with another interface language meets it. */
const englishOnly: Module = {
  formatVersion: 1,
  id: 'english-only',
  title: { en: 'Sleep diary' },
  languages: ['en'],
  defaultLanguage: 'en',
  pages: [
    {
      id: 'p1',
      title: { en: 'Last night' },
      blocks: [
        { type: 'question', id: 'slept', prompt: { en: 'How many hours did you sleep?' }, required: true, input: { kind: 'number', min: 0, max: 24 } },
        { type: 'question', id: 'rested', prompt: { en: 'Do you feel rested?' }, required: true, input: { kind: 'yesNo' } },
      ],
    },
    { id: 'p2', title: { en: 'Thank you' }, blocks: [] },
  ],
};

// The renderer's own words follow the patient's interface language; the content stays in the only
// language it is written in.
const words = {
  nb: { next: 'Neste', required: '(obligatorisk)', summary: 'Noe mangler', missing: 'Svar på spørsmålet', range: 'Mellom 0 og 24', yes: 'Ja', page: 'Side 1 av 2' },
  sv: { next: 'Nästa', required: '(obligatorisk)', summary: 'Något saknas', missing: 'Svara på frågan', range: 'Mellan 0 och 24', yes: 'Ja', page: 'Sida 1 av 2' },
} as const;

for (const language of ['nb', 'sv'] as const) {
  describe(`<cl-module-page> with a ${language} interface on English content`, () => {
    it('writes its buttons, markers, hints and refusals in the interface language, the content in English', async () => {
      const page = await renderPage(englishOnly, { language });
      const expected = words[language];
      expect($(page, 'h1').textContent).to.equal('Last night');
      expect($(page, 'article').getAttribute('lang')).to.equal('en');
      expect($(page, '[data-action="next"]').textContent?.trim()).to.equal(expected.next);
      expect($(page, '[data-action="next"]').getAttribute('lang')).to.equal(language);
      expect($(page, '.progress').textContent).to.equal(expected.page);
      const markers = $$(page, '.marker.required');
      expect(markers.map((marker) => marker.textContent)).to.deep.equal([expected.required, expected.required]);
      expect(markers[0]!.getAttribute('lang')).to.equal(language);
      expect(page.shadowRoot!.textContent).to.contain('How many hours did you sleep?');
      expect(page.shadowRoot!.textContent).to.contain(expected.range);
      expect($$(page, 'label, button').map((element) => element.textContent?.trim())).to.include(expected.yes);

      $(page, '[data-action="next"]').click();
      await settle(page);
      expect($(page, '.error-summary h2').textContent).to.equal(expected.summary);
      expect($(page, '.error-summary li').textContent?.trim()).to.equal(`How many hours did you sleep?: ${expected.missing}`);
    });

    it('refuses a number out of range in the interface language', async () => {
      const page = await renderPage(englishOnly, { language });
      typeInto($(page, '#cl-input-slept'), '99');
      $(page, '[data-action="next"]').click();
      await settle(page);
      const first = $(page, '.error-summary li').textContent?.trim() ?? '';
      expect(first.startsWith('How many hours did you sleep?: ')).to.equal(true);
      expect(first).to.equal(`How many hours did you sleep?: ${language === 'nb' ? 'Skriv et tall mellom 0 og 24' : 'Skriv ett tal mellan 0 och 24'}`);
    });
  });
}
