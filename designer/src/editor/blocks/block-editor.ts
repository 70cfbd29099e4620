import type { TemplateResult } from 'lit';
import { html } from 'lit';
import type * as Y from 'yjs';
import type { EditContext } from '../edit-context.js';
import { stringAt } from '../y/read.js';
import { audioBlockEditor, filmBlockEditor, imageBlockEditor, textBlockEditor, unitContactBlockEditor } from './content-editors.js';
import { instrumentBlockEditor } from './instrument-editor.js';
import { exerciseBlockEditor, gridBlockEditor, questionBlockEditor } from './question-editors.js';
import { registrationBlockEditor } from './registration-editor.js';

const EDITORS: Record<string, (context: EditContext, block: Y.Map<unknown>) => TemplateResult> = {
  text: textBlockEditor,
  image: imageBlockEditor,
  film: filmBlockEditor,
  audio: audioBlockEditor,
  question: questionBlockEditor,
  grid: gridBlockEditor,
  instrument: instrumentBlockEditor,
  exercise: exerciseBlockEditor,
  registration: registrationBlockEditor,
  unitContact: unitContactBlockEditor,
};

/** The structured editor of a block, by its type (an unknown type shows its JSON path only). */
export function blockBodyEditor(context: EditContext, block: Y.Map<unknown>): TemplateResult {
  const editor = EDITORS[stringAt(block, 'type')];
  return editor ? editor(context, block) : html`<p class="hint">${stringAt(block, 'type')}</p>`;
}
