import { describe, expect, it } from 'vitest';
import { detectDocumentKind, validateModule, validateProgram, validateResponse } from './index.js';
import { describeLocation } from './describe-location.js';
import { validModule, validProgram, validResponse } from './test-fixtures.js';
import { expectIssues } from './test-helpers.js';

describe('detectDocumentKind', () => {
  it('tells modules, programs and responses apart by a field only each has', () => {
    expect(detectDocumentKind(validModule())).toBe('module');
    expect(detectDocumentKind(validProgram())).toBe('program');
    expect(detectDocumentKind(validResponse())).toBe('response');
    expect(detectDocumentKind({ formatVersion: 1 })).toBeUndefined();
    expect(detectDocumentKind([])).toBeUndefined();
    expect(detectDocumentKind('module')).toBeUndefined();
  });
});

describe('format versions', () => {
  it('are upgraded before validation, and refused when newer than this code', () => {
    expectIssues(validateModule({ ...validModule(), formatVersion: 7 }), [
      { code: 'format.version_too_new', path: '/formatVersion', mentions: ['version 7', 'up to 1'] },
    ]);
    const { formatVersion: _formatVersion, ...unversioned } = validProgram();
    expectIssues(validateProgram(unversioned), [{ code: 'format.version_missing', path: '', mentions: ['"formatVersion"'] }]);
    expectIssues(validateModule('not a module'), [{ code: 'format.not_an_object', path: '' }]);
  });

  it('are not upgraded for responses, which have their own schema only', () => {
    expect(validateResponse(validResponse())).toEqual({ ok: true, value: validResponse(), issues: [] });
  });

  it('refuse an answer time the engine cannot read or that lies outside 1900–2199, naming /answeredAt', () => {
    expectIssues(validateResponse({ ...validResponse(), answeredAt: '9999-12-31T23:00:00-05:00' }), [{ code: 'response.answered_at_out_of_range', path: '/answeredAt', mentions: ['1900-01-01', '2199-12-31'] }]);
    expectIssues(validateResponse({ ...validResponse(), answeredAt: '0000-01-01T00:00:00Z' }), [{ code: 'response.answered_at_out_of_range', path: '/answeredAt' }]);
    expectIssues(validateResponse({ ...validResponse(), answeredAt: '2026-03-01T23:59:60Z' }), [{ code: 'response.answered_at', path: '/answeredAt', mentions: ['offset'] }]);
    expect(validateResponse({ ...validResponse(), answeredAt: '2199-12-31T23:00:00+01:00' }).ok).toBe(true);
  });
});

describe('describeLocation', () => {
  const module = validModule();
  it.each([
    ['', 'the module'],
    ['/title/en', 'the "title.en" of the module'],
    ['/languages/1', 'the "languages" entry 2 of the module'],
    ['/pages/0', 'page 1 ("intro")'],
    ['/pages/0/blocks/1', 'page 1 block 2 (question "mood")'],
    ['/pages/0/blocks/1/input/options/0/label', 'the "label" of page 1 block 2 (question "mood") option 1 ("good")'],
    ['/pages/1/blocks/0/scoring/bands/2', 'page 2 block 1 (instrument "isi") band 3 ("severe")'],
    ['/pages/0/blocks/5/visibleWhen/item', 'the "visibleWhen.item" of page 1 block 6 (text "badNote")'],
    ['/pages/9/blocks/0', 'page 10 block 1'],
  ])('%s reads as %s', (path, words) => {
    expect(describeLocation(module, path, 'module')).toBe(words);
  });
});
