// The patient-facing renderer: the same components in the designer's live preview and in the patient app.
export { ClModulePage, renderBlock } from './module-page.js';
export { BlockElement } from './base.js';
export type { InputProblemDetail } from './base.js';
export { ClExerciseBlock, ClRegistrationBlock } from './activity-blocks.js';
export { ClAudioBlock, ClFilmBlock, ClImageBlock, ClTextBlock, ClUnitContactBlock } from './content-blocks.js';
export { ClGridBlock, ClInstrumentBlock, ClQuestionBlock } from './question-blocks.js';
export { defaultContext } from './context.js';
export type { AnswerChangeDetail, AnswerValue, Answers, NavigateDetail, RenderContext, UnitContact } from './context.js';
export { message, rendererMessages } from './messages.js';
export type { MessageKey } from './messages.js';
export { renderRichText, richTextPlain } from './rich-text.js';
export { rendererStyles } from './styles.js';
