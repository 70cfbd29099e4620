import { describe, expect, it } from 'vitest';
import { createExampleCatalog, type ExampleFile, type ExampleValidators } from './example-catalog.js';

const hash = (document: unknown) => `hash:${JSON.stringify(document).length}`;

/** Fake validators: a module is valid unless it has `broken`; a program is valid if every module it names resolves. */
function fakeValidators(seen: string[] = []): ExampleValidators {
  return {
    module(doc) {
      seen.push(`module:${(doc as { id: string }).id}`);
      return (doc as { broken?: boolean }).broken
        ? { ok: false, issues: [{ code: 'fake.broken', path: '/broken', message: 'Broken.' }, { code: 'fake.again', path: '', message: 'Again.' }] }
        : { ok: true, value: doc };
    },
    program(doc, resolveModule) {
      seen.push(`program:${(doc as { id: string }).id}`);
      const missing = (doc as { modules: string[] }).modules.filter((id) => resolveModule(id) === undefined);
      return missing.length === 0 ? { ok: true, value: doc } : { ok: false, issues: missing.map((id) => ({ code: 'fake.unknown_module', path: '/modules', message: `No module ${id}.` })) };
    },
  };
}

const file = (kind: ExampleFile['kind'], name: string, document: unknown): ExampleFile => ({ kind, file: `${kind}s/${name}.json`, text: typeof document === 'string' ? document : JSON.stringify(document) });

describe('createExampleCatalog', () => {
  it('validates modules before programs, so programs can resolve them', () => {
    const seen: string[] = [];
    const catalog = createExampleCatalog({
      files: [
        file('program', 'panic', { id: 'panic', title: { sv: 'Panik' }, languages: ['sv'], defaultLanguage: 'sv', modules: ['intro', 'bad'] }),
        file('module', 'intro', { id: 'intro', title: { sv: 'Intro' } }),
        file('module', 'bad', { id: 'bad', broken: true }),
      ],
      validators: fakeValidators(seen),
      contentHash: hash,
    });
    expect(seen).toEqual(['module:bad', 'module:intro', 'program:panic']);
    const program = catalog.list().find((example) => example.id === 'panic');
    expect(program).toMatchObject({ kind: 'program', title: 'Panik', valid: false, issueCount: 1, issues: [{ code: 'fake.unknown_module', message: 'No module bad.' }] });
  });

  it('lists an invalid example with its issues and still serves it', () => {
    const catalog = createExampleCatalog({ files: [file('module', 'bad', { id: 'bad', broken: true })], validators: fakeValidators(), contentHash: hash });
    expect(catalog.list()[0]).toMatchObject({ id: 'bad', valid: false, issueCount: 2, title: 'bad' });
    expect(catalog.get('bad').document).toEqual({ id: 'bad', broken: true });
  });

  it('lists a file that is not JSON under its file name, and does not serve it', () => {
    const catalog = createExampleCatalog({ files: [file('module', 'garbled', '{ nope')], validators: fakeValidators(), contentHash: hash });
    expect(catalog.list()).toEqual([
      { id: 'garbled', kind: 'module', title: 'garbled', languages: [], file: 'modules/garbled.json', contentHash: '', valid: false, issueCount: 1, issues: [expect.objectContaining({ code: 'catalog.unreadable', path: '' })] },
    ]);
    expect(() => catalog.get('garbled')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('picks the title in the default language, else the first one', () => {
    const catalog = createExampleCatalog({
      files: [
        file('module', 'a', { id: 'a', title: { en: 'English', sv: 'Svenska' }, defaultLanguage: 'sv', languages: ['en', 'sv'] }),
        file('module', 'b', { id: 'b', title: { en: 'Only English' }, defaultLanguage: 'sv' }),
      ],
      validators: fakeValidators(),
      contentHash: hash,
    });
    expect(catalog.list().map((example) => [example.title, example.languages])).toEqual([['Svenska', ['en', 'sv']], ['Only English', []]]);
  });

  it('marks a second example with the same id invalid and serves the first', () => {
    const catalog = createExampleCatalog({
      files: [file('module', 'one', { id: 'same', n: 1 }), file('module', 'two', { id: 'same', n: 2 })],
      validators: fakeValidators(),
      contentHash: hash,
    });
    expect(catalog.list().map((example) => [example.file, example.valid])).toEqual([['modules/one.json', true], ['modules/two.json', false]]);
    expect(catalog.list()[1]?.issues[0]?.code).toBe('catalog.duplicate_id');
    expect(catalog.get('same').document).toEqual({ id: 'same', n: 1 });
  });

  it('hands out copies, so callers cannot change the catalog', () => {
    const catalog = createExampleCatalog({ files: [file('module', 'a', { id: 'a', languages: ['en'] })], validators: fakeValidators(), contentHash: hash });
    catalog.list()[0]?.languages.push('xx');
    expect(catalog.list()[0]?.languages).toEqual(['en']);
  });
});

describe('createExampleCatalog hashing', () => {
  it('lists a document that cannot be hashed as invalid instead of failing to start', () => {
    const catalog = createExampleCatalog({
      files: [file('module', 'huge', '{"id":"huge","n":1e400}')],
      validators: fakeValidators(),
      contentHash: () => {
        throw new Error('Infinity is not JSON');
      },
    });
    expect(catalog.list()[0]).toMatchObject({ id: 'huge', valid: false, contentHash: '', issues: [{ code: 'catalog.unhashable' }] });
  });
});
