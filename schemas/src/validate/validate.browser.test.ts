// The designer validates drafts live in the browser with the same validator the server uses.
import { expect } from '@open-wc/testing';
import { validateModule } from './index.js';
import { validModule } from './test-fixtures.js';

describe('validation in the browser', () => {
  it('accepts a valid module and reports a broken one with its JSON path', () => {
    expect(validateModule(validModule()).ok).to.equal(true);
    const broken = validModule() as unknown as { pages: Array<{ blocks: unknown[] }> };
    (broken.pages[0] as { blocks: Array<Record<string, unknown>> }).blocks[0]!['unexpected'] = 1;
    const result = validateModule(broken);
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).to.include('/pages/0/blocks/0/unexpected');
  });
});

describe('formats in the browser', () => {
  it('checks ajv-formats formats with the compiled validators', () => {
    const module = validModule() as unknown as { pages: Array<{ blocks: Array<{ licence?: { url?: string } }> }> };
    module.pages[1]!.blocks[0]!.licence!.url = 'not a web address';
    const result = validateModule(module);
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.issues.map((issue) => `${issue.code} ${issue.path}`)).to.include('schema.format /pages/1/blocks/0/licence/url');
  });
});
