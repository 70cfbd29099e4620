import { expect, fixture, html } from '@open-wc/testing';
import type { Module } from '@careloom/format';
import type { ClModulePreview } from './module-preview.js';
import { deep, deepAll, panicWeek1, phq9, settle } from './test-helpers.js';
import './define.js';

/** Week 1 with "mainFear" switched from a single choice to a number, as a designer might change it. */
function withNumberFear(): Module {
  const next = structuredClone(panicWeek1) as Module;
  const block = next.pages[0]!.blocks.find((candidate) => candidate.id === 'mainFear') as unknown as { input: unknown };
  block.input = { kind: 'number', min: 0, max: 10 };
  return next;
}

describe("the preview's answers after the draft changes", () => {
  it('drops an answer that no longer fits its item (an option id in a number field) and keeps the others', async () => {
    const preview = await fixture<ClModulePreview>(html`<cl-module-preview .module=${panicWeek1} .pageId=${'welcome'} .language=${'en'}></cl-module-preview>`);
    preview.answers = { mainFear: 'heart', hadAttackLastWeek: true };
    await settle(preview);
    preview.module = withNumberFear();
    await settle(preview);
    expect(preview.answers).to.deep.equal({ hadAttackLastWeek: true });
    const number = deepAll<HTMLInputElement>(preview, 'input[type="number"], input[inputmode="decimal"], input[inputmode="numeric"]')[0]!;
    expect(number.value).to.equal('');
    expect(deep(preview, 'cl-module-page').shadowRoot!.textContent).not.to.contain('heart');
  });

  it('keeps every answer while they all fit', async () => {
    const preview = await fixture<ClModulePreview>(html`<cl-module-preview .module=${panicWeek1} .pageId=${'welcome'} .language=${'en'}></cl-module-preview>`);
    preview.answers = { mainFear: 'heart' };
    preview.module = structuredClone(panicWeek1) as Module;
    await settle(preview);
    expect(preview.answers).to.deep.equal({ mainFear: 'heart' });
  });
});

describe("the preview's score box", () => {
  it('names a fired alert rule by its message, never by its id', async () => {
    const preview = await fixture<ClModulePreview>(html`<cl-module-preview .module=${phq9} .pageId=${'questionnaire'} .language=${'en'}></cl-module-preview>`);
    preview.answers = { phq9_9: 'severalDays' };
    await settle(preview);
    const text = preview.shadowRoot!.textContent!;
    expect(text).to.contain('Alerts: Item 9 (thoughts of being better off dead or of self-harm) was answered above "Not at all".');
    expect(text).not.to.match(/Alerts: item9\b/);
  });
});
