import { expect, fixture, html } from '@open-wc/testing';
import { i18n } from '../i18n/i18n.js';
import type { ClLanguageList, LanguageDetail } from './language-list.js';
import './language-list.js';
import type { ClTagList, TagDetail } from './tag-list.js';
import './tag-list.js';

/** Types into the form's input and submits it as Enter in the input would (requestSubmit). */
function submit(element: HTMLElement, role: string, value: string): void {
  const form = element.querySelector<HTMLFormElement>(`form[data-role="${role}"]`)!;
  const input = form.querySelector('input')!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input'));
  form.requestSubmit();
}

function collect<T>(element: HTMLElement, type: string): T[] {
  const seen: T[] = [];
  element.addEventListener(type, (event) => seen.push((event as CustomEvent<T>).detail));
  return seen;
}

describe('<cl-language-list>', () => {
  afterEach(() => i18n.setLocale('en'));

  async function mount(languages = ['en', 'sv'], defaultLanguage = 'en'): Promise<ClLanguageList> {
    return fixture<ClLanguageList>(html`<cl-language-list .languages=${languages} .defaultLanguage=${defaultLanguage} label="Languages"></cl-language-list>`);
  }

  it('asks to add a well-formed new tag in the format\'s case, and refuses a malformed or repeated one in words', async () => {
    const list = await mount();
    const added = collect<LanguageDetail>(list, 'language-add');
    submit(list, 'add-language', 'EN-gb');
    await list.updateComplete;
    expect(added).to.deep.equal([{ language: 'en-GB' }]);
    expect(list.querySelector<HTMLInputElement>('#new-language')!.value).to.equal('');
    submit(list, 'add-language', 'swedish');
    await list.updateComplete;
    expect(list.querySelector('#language-error')!.textContent).to.contain('“swedish” is not a language tag');
    expect(list.querySelector('#new-language')!.getAttribute('aria-invalid')).to.equal('true');
    submit(list, 'add-language', 'SV');
    await list.updateComplete;
    expect(list.querySelector('#language-error')!.textContent).to.contain('is already one of the languages');
    expect(added).to.have.length(1);
    // Typing again clears the complaint.
    list.querySelector('#new-language')!.dispatchEvent(new Event('input'));
    await list.updateComplete;
    expect(list.querySelector('#language-error')).to.equal(null);
  });

  it('asks to remove a language; the default and the last one cannot be removed, and the hint says why', async () => {
    const list = await mount();
    const removed = collect<LanguageDetail>(list, 'language-remove');
    const button = (language: string) => list.querySelector<HTMLButtonElement>(`button[data-action="remove-language"][data-language="${language}"]`)!;
    expect(button('en').disabled).to.equal(true);
    expect(button('en').getAttribute('aria-describedby')).to.equal('default-language-hint');
    button('sv').click();
    expect(removed).to.deep.equal([{ language: 'sv' }]);
    list.languages = ['sv'];
    list.defaultLanguage = 'en';
    await list.updateComplete;
    expect(button('sv').disabled).to.equal(true);
  });

  it('shows only the list to a reader', async () => {
    const list = await fixture<ClLanguageList>(html`<cl-language-list .languages=${['en', 'sv']} .defaultLanguage=${'en'} read-only></cl-language-list>`);
    expect(list.querySelectorAll('li')).to.have.length(2);
    expect(list.querySelector('button, form, input')).to.equal(null);
  });

  it('is labelled in English, Swedish and Norwegian, and follows a language switch', async () => {
    const list = await mount(['en', 'sv', 'nb'], 'sv');
    const labels = () => ({
      input: list.querySelector('label[for="new-language"]')!.textContent!.trim(),
      add: list.querySelector('form button[type="submit"]')!.textContent!.trim(),
      remove: list.querySelector('button[data-language="nb"]')!.getAttribute('aria-label'),
      mark: list.querySelector('li[data-language="sv"] .default-mark')!.textContent,
    });
    expect(labels()).to.deep.equal({ input: 'Language to add', add: 'Add language', remove: 'Remove Norwegian Bokmål (nb)', mark: '(default)' });
    i18n.setLocale('sv');
    await list.updateComplete;
    expect(labels()).to.deep.equal({ input: 'Språk att lägga till', add: 'Lägg till språk', remove: 'Ta bort norskt bokmål (nb)', mark: '(standard)' });
    i18n.setLocale('nb');
    await list.updateComplete;
    expect(labels()).to.deep.equal({ input: 'Språk som skal legges til', add: 'Legg til språk', remove: 'Fjern norsk bokmål (nb)', mark: '(standard)' });
  });
});

describe('<cl-tag-list>', () => {
  afterEach(() => i18n.setLocale('en'));

  async function mount(tags: string[] = ['panic']): Promise<ClTagList> {
    return fixture<ClTagList>(html`<cl-tag-list .tags=${tags} label="Tags"></cl-tag-list>`);
  }

  it('adds a tag with Enter and keeps the keyboard in the input; refuses empty, too long and repeated tags', async () => {
    const list = await mount();
    const added = collect<TagDetail>(list, 'tag-add');
    submit(list, 'add-tag', '  exposure ');
    await list.updateComplete;
    expect(added).to.deep.equal([{ tag: 'exposure' }]);
    expect(document.activeElement).to.equal(list.querySelector('#new-tag'));
    submit(list, 'add-tag', '   ');
    await list.updateComplete;
    expect(list.querySelector('#tag-error')!.textContent).to.equal('A tag has 1 to 40 characters.');
    submit(list, 'add-tag', 'x'.repeat(41));
    await list.updateComplete;
    expect(list.querySelector('#tag-error')!.textContent).to.equal('A tag has 1 to 40 characters.');
    submit(list, 'add-tag', 'panic');
    await list.updateComplete;
    expect(list.querySelector('#tag-error')!.textContent).to.equal('The tag “panic” is already there.');
    expect(added).to.have.length(1);
  });

  it('asks to remove a tag and moves the focus to the input', async () => {
    const list = await mount(['panic', 'sleep']);
    const removed = collect<TagDetail>(list, 'tag-remove');
    list.querySelector<HTMLButtonElement>('li[data-tag="sleep"] button[data-action="remove-tag"]')!.click();
    expect(removed).to.deep.equal([{ tag: 'sleep' }]);
    list.tags = ['panic'];
    await list.updateComplete;
    await list.updateComplete;
    expect(document.activeElement).to.equal(list.querySelector('#new-tag'));
  });

  it('says when there are no tags, and shows no form to a reader', async () => {
    const list = await fixture<ClTagList>(html`<cl-tag-list .tags=${[]} read-only></cl-tag-list>`);
    expect(list.textContent).to.contain('No tags yet.');
    expect(list.querySelector('form, button')).to.equal(null);
  });

  it('is labelled in English, Swedish and Norwegian', async () => {
    const list = await mount(['panic']);
    const labels = () => [list.querySelector('label[for="new-tag"]')!.textContent!.trim(), list.querySelector('button[data-action="remove-tag"]')!.getAttribute('aria-label'), list.querySelector('#tag-hint')!.textContent];
    expect(labels()).to.deep.equal(['Tag to add', 'Remove tag panic', 'Keywords for searching the library and the catalog, up to 40 characters each.']);
    i18n.setLocale('sv');
    await list.updateComplete;
    expect(labels()).to.deep.equal(['Tagg att lägga till', 'Ta bort taggen panic', 'Sökord för biblioteket och katalogen, högst 40 tecken vardera.']);
    i18n.setLocale('nb');
    await list.updateComplete;
    expect(labels()).to.deep.equal(['Stikkord som skal legges til', 'Fjern stikkordet panic', 'Søkeord for biblioteket og katalogen, høyst 40 tegn hver.']);
  });
});
