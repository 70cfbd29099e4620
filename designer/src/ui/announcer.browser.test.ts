import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Announcer } from './announcer.js';

class AnnouncingProbe extends LitElement {
  readonly announcer = new Announcer(this);

  protected override render() {
    return this.announcer.region();
  }
}
customElements.define('announcer-probe', AnnouncingProbe);

const region = (element: AnnouncingProbe) => element.shadowRoot!.querySelector('[data-role="announcer"]')!;

describe('Announcer', () => {
  it('says a message in a polite live region, and says a repeated one again by clearing it first', async () => {
    const element = await fixture<AnnouncingProbe>(html`<announcer-probe></announcer-probe>`);
    expect(region(element).getAttribute('aria-live')).to.equal('polite');
    element.announcer.announce('Moved to position 2');
    await element.updateComplete;
    expect(region(element).textContent).to.equal('');
    await element.updateComplete;
    expect(region(element).textContent).to.equal('Moved to position 2');
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(region(element).textContent ?? ''));
    observer.observe(region(element), { subtree: true, characterData: true, childList: true });
    element.announcer.announce('Moved to position 2');
    await element.updateComplete;
    await element.updateComplete;
    observer.disconnect();
    expect(seen[0]).to.equal('');
    expect(region(element).textContent).to.equal('Moved to position 2');
  });

  it('does not say the last message again when the element comes back', async () => {
    const element = await fixture<AnnouncingProbe>(html`<announcer-probe></announcer-probe>`);
    element.announcer.announce('Swedish added');
    await element.updateComplete;
    await element.updateComplete;
    const parent = element.parentElement!;
    element.remove();
    parent.append(element);
    await element.updateComplete;
    expect(region(element).textContent).to.equal('');
  });
});
