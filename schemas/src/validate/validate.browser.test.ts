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
