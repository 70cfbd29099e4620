import { expect } from '@open-wc/testing';
import { moduleToYDoc } from '@careloom/format/ydoc';
import { localSession } from '../collab/collab-session.js';
import { deep, deepAll, mountEditor, panicWeek1, settle } from './test-helpers.js';

const anna = { id: 'anna', name: 'Anna Lind', color: '#1f5fbf' };

describe("an organisation's own rating scale", () => {
  it('needs no licence: a new scale has none and asks for none; one can be added for a scale someone else wrote, and removed again', async () => {
    const session = localSession(moduleToYDoc(panicWeek1), anna);
    const editor = await mountEditor(session);
    const select = deep<HTMLSelectElement>(editor, '[data-role="add-block"]');
    select.value = 'instrument';
    select.dispatchEvent(new Event('change'));
    await settle(editor);
    const section = deepAll(editor, 'section.block[data-type="instrument"]').at(-1)!;
    editor.validateNow();
    await settle(editor);
    const licenceProblems = () => editor.problems.filter((problem) => problem.path.includes('/licence'));
    expect(licenceProblems()).to.deep.equal([]);
    expect(section.textContent).to.contain('Your own scale: no licence is needed.');

    deep(section, '[data-action="add-licence"]').click();
    await settle(editor);
    expect(deepAll(section, 'label').map((label) => label.textContent)).to.include.members(['Licence', 'Attribution']);
    editor.validateNow();
    await settle(editor);
    expect(licenceProblems().length).to.be.greaterThan(0);

    deep(section, '[data-action="remove-licence"]').click();
    editor.validateNow();
    await settle(editor);
    expect(licenceProblems()).to.deep.equal([]);
  });
});
