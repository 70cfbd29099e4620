// Registers the block components under their tag names (once, so that the designer and the patient
// app can both import the renderer), and `<cl-module-page>` with them: a bare `import '@careloom/renderer'`
// is dropped by the bundler (the index declares no side effects), so this is the import that defines.
import './module-page.js';
import { ClExerciseBlock, ClRegistrationBlock } from './activity-blocks.js';
import { ClAudioBlock, ClFilmBlock, ClImageBlock, ClTextBlock, ClUnitContactBlock } from './content-blocks.js';
import { ClGridBlock, ClInstrumentBlock, ClQuestionBlock } from './question-blocks.js';

const elements: Record<string, CustomElementConstructor> = {
  'cl-text-block': ClTextBlock,
  'cl-image-block': ClImageBlock,
  'cl-film-block': ClFilmBlock,
  'cl-audio-block': ClAudioBlock,
  'cl-question-block': ClQuestionBlock,
  'cl-grid-block': ClGridBlock,
  'cl-instrument-block': ClInstrumentBlock,
  'cl-exercise-block': ClExerciseBlock,
  'cl-registration-block': ClRegistrationBlock,
  'cl-unit-contact-block': ClUnitContactBlock,
};

for (const [name, element] of Object.entries(elements)) {
  if (!customElements.get(name)) customElements.define(name, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'cl-text-block': ClTextBlock;
    'cl-image-block': ClImageBlock;
    'cl-film-block': ClFilmBlock;
    'cl-audio-block': ClAudioBlock;
    'cl-question-block': ClQuestionBlock;
    'cl-grid-block': ClGridBlock;
    'cl-instrument-block': ClInstrumentBlock;
    'cl-exercise-block': ClExerciseBlock;
    'cl-registration-block': ClRegistrationBlock;
    'cl-unit-contact-block': ClUnitContactBlock;
  }
}
