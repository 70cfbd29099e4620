import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { UndoKeys } from './undo-keys.js';

/** An element with a field inside its shadow root that records what the keys asked for. */
class UndoProbe extends LitElement {
  readonly calls: string[] = [];
  readonly undoKeys = new UndoKeys(this, { undo: () => this.calls.push('undo'), redo: () => this.calls.push('redo') });

  protected override render() {
    return html`<input />`;
  }
}
customElements.define('undo-keys-probe', UndoProbe);

function press(target: Element, key: string, modifiers: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...modifiers });
  target.dispatchEvent(event);
  return event;
}

describe('UndoKeys', () => {
  it('undoes on Ctrl/Cmd+Z and redoes on Shift+Ctrl/Cmd+Z and Ctrl+Y, from a field inside the element, taking the key from the field', async () => {
    const element = await fixture<UndoProbe>(html`<undo-keys-probe></undo-keys-probe>`);
    const input = element.shadowRoot!.querySelector('input')!;
    expect(press(input, 'z', { ctrlKey: true }).defaultPrevented).to.equal(true);
    press(input, 'Z', { metaKey: true, shiftKey: true });
    press(input, 'y', { ctrlKey: true });
    press(input, 'z', { metaKey: true });
    expect(element.calls).to.deep.equal(['undo', 'redo', 'redo', 'undo']);
  });

  it('leaves other keys, Alt combinations and keys already handled (rich text) alone', async () => {
    const element = await fixture<UndoProbe>(html`<undo-keys-probe></undo-keys-probe>`);
    const input = element.shadowRoot!.querySelector('input')!;
    expect(press(input, 'z').defaultPrevented).to.equal(false);
    press(input, 'z', { ctrlKey: true, altKey: true });
    press(input, 'x', { ctrlKey: true });
    input.addEventListener('keydown', (event) => event.preventDefault(), { once: true });
    press(input, 'z', { ctrlKey: true });
    expect(element.calls).to.deep.equal([]);
  });

  it('stops listening when the element leaves the page', async () => {
    const element = await fixture<UndoProbe>(html`<undo-keys-probe></undo-keys-probe>`);
    const parent = element.parentElement!;
    element.remove();
    press(element, 'z', { ctrlKey: true });
    expect(element.calls).to.deep.equal([]);
    parent.append(element);
    press(element, 'z', { ctrlKey: true });
    expect(element.calls).to.deep.equal(['undo']);
  });
});
