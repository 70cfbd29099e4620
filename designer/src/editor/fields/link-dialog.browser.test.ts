import { expect } from '@open-wc/testing';
import type * as Y from 'yjs';
import { sendKeys } from '@web/test-runner-commands';
import { moduleToYDoc, yDocToModule } from '@careloom/format/ydoc';
import { localSession } from '../../collab/collab-session.js';
import { blockSection, mountEditor, panicWeek1, seriousViolations, settle } from '../test-helpers.js';
import type { ClRichText } from './rich-text-field.js';
import type { ClLinkDialog } from './link-dialog.js';

const anna = { id: 'anna', name: 'Anna Lind', color: '#1f5fbf' };

function welcomeJson(doc: Y.Doc): string {
  const module = yDocToModule(doc) as { pages: Array<{ blocks: Array<{ content?: unknown }> }> };
  return JSON.stringify(module.pages[0]!.blocks[0]!.content);
}

async function setup() {
  const session = localSession(moduleToYDoc(panicWeek1), anna);
  const editor = await mountEditor(session);
  const rich = blockSection(editor, 'welcomeText').querySelector<ClRichText>('cl-rich-text[lang="en"]')!;
  const root = rich.shadowRoot!;
  const dialog = root.querySelector<ClLinkDialog>('cl-link-dialog')!;
  const linkButton = root.querySelector<HTMLButtonElement>('button[data-action="link"]')!;
  // Select a word, then go to the toolbar's link button by keyboard focus.
  const tiptap = rich.editor!;
  let from = 0;
  tiptap.state.doc.descendants((node, position) => {
    if (from === 0 && node.isText && (node.text?.length ?? 0) > 4) from = position;
    return from === 0;
  });
  tiptap.commands.setTextSelection({ from, to: from + 4 });
  const selected = tiptap.state.doc.textBetween(from, from + 4);
  linkButton.focus();
  return { session, editor, rich, dialog, linkButton, tiptap, selected };
}

describe('<cl-link-dialog> in the rich-text toolbar', () => {
  it('is operated by keyboard: Enter opens it with focus in the address, a bad address is explained, Enter applies', async () => {
    const { session, editor, rich, dialog, linkButton, tiptap, selected } = await setup();
    await sendKeys({ press: 'Enter' });
    await settle(editor);
    expect(dialog.open).to.equal(true);
    expect(linkButton.getAttribute('aria-expanded')).to.equal('true');
    const region = dialog.shadowRoot!.querySelector('[role="dialog"]')!;
    expect(region.getAttribute('aria-labelledby')).to.be.a('string');
    expect(dialog.shadowRoot!.activeElement).to.equal(dialog.input);
    expect(dialog.shadowRoot!.querySelector('[data-action="link-remove"]')).to.equal(null);

    await sendKeys({ type: 'javascript:alert(1)' });
    await sendKeys({ press: 'Enter' });
    await settle(editor);
    expect(dialog.open).to.equal(true);
    expect(dialog.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('Enter an address that starts with');
    expect(dialog.input!.getAttribute('aria-invalid')).to.equal('true');
    expect(welcomeJson(session.doc)).to.not.contain('javascript');

    dialog.input!.select();
    await sendKeys({ type: 'www.1177.se/panik' });
    await sendKeys({ press: 'Enter' });
    await settle(editor);
    expect(dialog.open).to.equal(false);
    expect(tiptap.isFocused).to.equal(true);
    expect(welcomeJson(session.doc)).to.contain('"href":"https://www.1177.se/panik"');
    expect(tiptap.getHTML()).to.contain(`href="https://www.1177.se/panik"`);
    expect(tiptap.getHTML()).to.contain(`>${selected}</a>`);
    expect(rich.shadowRoot!.querySelector('button[data-action="link"]')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('opens on a link with its address, removes it, and Escape cancels without a change', async () => {
    const { session, editor, dialog, linkButton, tiptap } = await setup();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'https://example.org' });
    await sendKeys({ press: 'Enter' });
    await settle(editor);
    const linked = welcomeJson(session.doc);
    expect(linked).to.contain('https://example.org');

    linkButton.focus();
    await sendKeys({ press: 'Enter' });
    await settle(editor);
    expect(dialog.input!.value).to.equal('https://example.org');
    await sendKeys({ press: 'Escape' });
    await settle(editor);
    expect(dialog.open).to.equal(false);
    expect(tiptap.isFocused).to.equal(true);
    expect(welcomeJson(session.doc)).to.equal(linked);

    linkButton.focus();
    await sendKeys({ press: 'Enter' });
    await settle(editor);
    const remove = dialog.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="link-remove"]')!;
    // Address → Apply → Remove, in tab order.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(dialog.shadowRoot!.activeElement).to.equal(remove);
    await sendKeys({ press: 'Enter' });
    await settle(editor);
    expect(dialog.open).to.equal(false);
    expect(tiptap.isFocused).to.equal(true);
    expect(welcomeJson(session.doc)).to.not.contain('example.org');
  });

  it('has no serious or critical accessibility violations while open with an error', async () => {
    const { editor, rich, dialog } = await setup();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await settle(editor);
    expect(dialog.shadowRoot!.querySelector('[role="alert"]')).to.not.equal(null);
    expect(await seriousViolations(rich)).to.deep.equal([]);
  });
});
