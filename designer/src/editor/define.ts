// Registers the module editor's elements (once: the shell may load this chunk more than once).
import '@careloom/renderer/define';
import { ClTextField } from './fields/text-field.js';
import { ClRichText } from './fields/rich-text-field.js';
import { ClEditorHeader } from './editor-header.js';
import { ClLinkDialog } from './fields/link-dialog.js';
import { ClMediaPicker } from './fields/media-picker.js';
import { ClScoringTests } from './blocks/scoring-tests.js';
import { ClModuleDetails } from './module-details.js';
import { ClModuleEditor } from './module-editor.js';
import { ClModulePreview } from './module-preview.js';
import { ClPageCanvas } from './page-canvas.js';
import { ClPageOutline } from './page-outline.js';
import { ClSubmitVersion } from './submit-version.js';
import { ClValidationPanel } from './validation-panel.js';
import { ClReadabilityScore } from './readability-score.js';

const elements: Record<string, CustomElementConstructor> = {
  'cl-text-field': ClTextField,
  'cl-rich-text': ClRichText,
  'cl-editor-header': ClEditorHeader,
  'cl-page-outline': ClPageOutline,
  'cl-page-canvas': ClPageCanvas,
  'cl-validation-panel': ClValidationPanel,
  'cl-readability-score': ClReadabilityScore,
  'cl-module-preview': ClModulePreview,
  'cl-submit-version': ClSubmitVersion,
  'cl-module-details': ClModuleDetails,
  'cl-scoring-tests': ClScoringTests,
  'cl-link-dialog': ClLinkDialog,
  'cl-media-picker': ClMediaPicker,
  // Last: the shell waits for this one, and its children must be known when it first renders.
  'cl-module-editor': ClModuleEditor,
};

for (const [name, element] of Object.entries(elements)) {
  if (!customElements.get(name)) customElements.define(name, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'cl-text-field': ClTextField;
    'cl-rich-text': ClRichText;
    'cl-editor-header': ClEditorHeader;
    'cl-page-outline': ClPageOutline;
    'cl-page-canvas': ClPageCanvas;
    'cl-validation-panel': ClValidationPanel;
    'cl-module-preview': ClModulePreview;
    'cl-submit-version': ClSubmitVersion;
    'cl-module-details': ClModuleDetails;
    'cl-scoring-tests': ClScoringTests;
    'cl-link-dialog': ClLinkDialog;
    'cl-media-picker': ClMediaPicker;
    'cl-module-editor': ClModuleEditor;
  }
}
