import { describe, expect, it } from 'vitest';
import { editorHash, parseRoute, routeHash } from './router.js';

describe('parseRoute', () => {
  it('opens the library for an empty hash and #/library', () => {
    for (const hash of ['', '#', '#/', '#/library', '#/library/']) expect(parseRoute(hash)).toEqual({ name: 'library' });
  });

  it('reads the media library screen', () => {
    for (const hash of ['#/media', '#/media/']) expect(parseRoute(hash)).toEqual({ name: 'media' });
    expect(routeHash({ name: 'media' })).toBe('#/media');
    expect(parseRoute('#/media/x').name).toBe('not-found');
  });

  it('reads the people screen', () => {
    for (const hash of ['#/people', '#/people/']) expect(parseRoute(hash)).toEqual({ name: 'people' });
    expect(routeHash({ name: 'people' })).toBe('#/people');
    expect(parseRoute('#/people/x').name).toBe('not-found');
  });

  it('reads the link of a membership invitation', () => {
    const token = 'Ab_3-xY9'.repeat(5) + 'abc';
    expect(parseRoute(`#/invitation/${token}`)).toEqual({ name: 'invitation', token });
    expect(routeHash({ name: 'invitation', token })).toBe(`#/invitation/${token}`);
    for (const hash of ['#/invitation', '#/invitation/', `#/invitation/${token}/x`, '#/invitation/a b', '#/invitation/%E0%A4%A']) expect(parseRoute(hash).name).toBe('not-found');
  });

  it('reads module, program and review routes', () => {
    expect(parseRoute('#/modules/phq-9')).toEqual({ name: 'module', id: 'phq-9' });
    expect(parseRoute('#/programs/panic-icbt-8-weeks')).toEqual({ name: 'program', id: 'panic-icbt-8-weeks' });
    expect(parseRoute('#/modules/phq-9/review')).toEqual({ name: 'review', id: 'phq-9' });
    expect(parseRoute('#/programs/copd/review')).toEqual({ name: 'review', id: 'copd' });
  });

  it('reads the simulator of a draft and of a version, and back', () => {
    expect(parseRoute('#/programs/panic-icbt-8-weeks/simulate')).toEqual({ name: 'simulate', kind: 'program', id: 'panic-icbt-8-weeks', version: null });
    expect(parseRoute('#/modules/phq-9/versions/3/simulate')).toEqual({ name: 'simulate', kind: 'module', id: 'phq-9', version: 3 });
    for (const route of [{ name: 'simulate', kind: 'program', id: 'p', version: null }, { name: 'simulate', kind: 'module', id: 'm', version: 12 }] as const) expect(parseRoute(routeHash(route))).toEqual(route);
    for (const hash of ['#/people/x/simulate', '#/programs/p/versions/0/simulate', '#/programs/p/versions/x/simulate', '#/programs/p/versions/1/simulated', '#/things/p/versions/1/simulate', '#/programs/p/simulate/x']) expect(parseRoute(hash).name).toBe('not-found');
  });

  it('reads a test run of a module version', () => {
    expect(parseRoute('#/modules/phq-9/versions/2/try/te-1')).toEqual({ name: 'try', id: 'phq-9', version: 2, enrollmentId: 'te-1' });
    expect(parseRoute(routeHash({ name: 'try', id: 'gad-7', version: 12, enrollmentId: 'abc' }))).toEqual({ name: 'try', id: 'gad-7', version: 12, enrollmentId: 'abc' });
    for (const hash of ['#/programs/p/versions/1/try/te-1', '#/modules/m/versions/0/try/te-1', '#/modules/m/versions/x/try/te-1', '#/modules/m/versions/1/run/te-1', '#/modules/m/versions/1/try', '#/modules/m/versions/1/try/a%2Fb', '#/modules/m/versions/1/try/te/x']) {
      expect(parseRoute(hash).name, hash).toBe('not-found');
    }
  });

  it('refuses unknown screens, extra segments and ids that are not slugs', () => {
    expect(parseRoute('#/settings').name).toBe('not-found');
    expect(parseRoute('#/modules').name).toBe('not-found');
    expect(parseRoute('#/modules/a/edit').name).toBe('not-found');
    expect(parseRoute('#/modules/a/review/x').name).toBe('not-found');
    expect(parseRoute('#/modules/a%2Fb').name).toBe('not-found');
    expect(parseRoute('#/modules/%E0%A4%A').name).toBe('not-found');
  });

  it('round-trips through routeHash', () => {
    expect(parseRoute(routeHash({ name: 'review', id: 'gad-7' }))).toEqual({ name: 'review', id: 'gad-7' });
    expect(routeHash({ name: 'review', id: 'p' }, 'program')).toBe('#/programs/p/review');
    expect(editorHash('program', 'p')).toBe('#/programs/p');
    expect(editorHash('module', 'm')).toBe('#/modules/m');
  });
});
