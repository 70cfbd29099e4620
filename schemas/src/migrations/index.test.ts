import { describe, expect, it } from 'vitest';
import { CURRENT_FORMAT_VERSION, formatMigrations, upgradeDocument, type Migration } from './index.js';

/** A synthetic 1 → 2 → 3 → 4 chain: renames a field, wraps a value, adds a default. */
const chain: Migration[] = [
  {
    from: 1, to: 2, description: 'title → name',
    up: ({ title, ...rest }) => ({ ...rest, name: title }),
  },
  {
    from: 2, to: 3, description: 'name becomes localized',
    up: (doc) => ({ ...doc, name: { en: doc['name'] } }),
  },
  {
    from: 3, to: 4, description: 'tags default to []',
    up: (doc) => ({ ...doc, tags: doc['tags'] ?? [] }),
  },
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('upgradeDocument', () => {
  it('returns a current document unchanged', () => {
    const doc = { formatVersion: CURRENT_FORMAT_VERSION, id: 'x' };
    expect(upgradeDocument(doc)).toEqual({ ok: true, value: doc, applied: [] });
  });

  it('runs every step of an injected chain, in order, setting formatVersion', () => {
    const doc = deepFreeze({ formatVersion: 1, title: 'Sleep', nested: { keep: [1, 2] } });
    expect(upgradeDocument(doc, chain)).toEqual({
      ok: true,
      value: { formatVersion: 4, name: { en: 'Sleep' }, nested: { keep: [1, 2] }, tags: [] },
      applied: [2, 3, 4],
    });
  });

  it('starts from the document\'s own version', () => {
    const result = upgradeDocument({ formatVersion: 3, name: { en: 'x' }, tags: ['a'] }, chain);
    expect(result).toEqual({ ok: true, value: { formatVersion: 4, name: { en: 'x' }, tags: ['a'] }, applied: [4] });
  });

  it('never changes its input, even with a migration that mutates', () => {
    const careless: Migration = {
      from: 1, to: 2, description: 'mutates',
      up: (doc) => {
        (doc as Record<string, unknown>)['title'] = 'changed';
        return doc as Record<string, unknown>;
      },
    };
    const doc = { formatVersion: 1, title: 'Sleep' };
    const result = upgradeDocument(doc, [careless]);
    expect(doc).toEqual({ formatVersion: 1, title: 'Sleep' });
    expect(result).toEqual({ ok: true, value: { formatVersion: 2, title: 'changed' }, applied: [2] });
  });

  it.each([
    [{ title: 'x' }, 'format.version_missing', ''],
    [{ formatVersion: 1.5 }, 'format.version_invalid', '/formatVersion'],
    [{ formatVersion: '1' }, 'format.version_invalid', '/formatVersion'],
    [{ formatVersion: 0 }, 'format.version_invalid', '/formatVersion'],
    [{ formatVersion: 5 }, 'format.version_too_new', '/formatVersion'],
    [[1], 'format.not_an_object', ''],
  ])('refuses %j with %s', (doc, code, path) => {
    const result = upgradeDocument(doc, chain);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toMatchObject([{ code, path }]);
    expect(result.issues[0]?.message).toMatch(/formatVersion|format version|JSON object/);
  });

  it('refuses a chain with a missing step', () => {
    const result = upgradeDocument({ formatVersion: 1, title: 'x' }, [chain[0]!, chain[2]!]);
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'format.no_migration', path: '/formatVersion', params: { from: 2 } }] });
  });

  it('reports a migration that throws as an issue', () => {
    const failing: Migration = { from: 1, to: 2, description: 'fails', up: () => { throw new Error('boom'); } };
    expect(upgradeDocument({ formatVersion: 1 }, [failing])).toMatchObject({ ok: false, issues: [{ code: 'format.migration_failed' }] });
  });
});

describe('the registered migrations', () => {
  it('form one chain of single steps ending at the current version', () => {
    formatMigrations.forEach((migration, index) => {
      expect(migration.to).toBe(migration.from + 1);
      expect(migration.description.length).toBeGreaterThan(3);
      if (index > 0) expect(migration.from).toBe(formatMigrations[index - 1]!.to);
    });
    const last = formatMigrations[formatMigrations.length - 1];
    expect(last?.to ?? CURRENT_FORMAT_VERSION).toBe(CURRENT_FORMAT_VERSION);
  });

  it('do not mutate their input', () => {
    for (const migration of formatMigrations) {
      const doc = deepFreeze({ formatVersion: migration.from });
      expect(() => migration.up(doc)).not.toThrow();
    }
  });
});
