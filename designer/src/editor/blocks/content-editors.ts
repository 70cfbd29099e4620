import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import * as Y from 'yjs';
import type { EditContext } from '../edit-context.js';
import { numberControl, setKey, stringControl } from '../fields/controls.js';
import type { MediaChosenDetail, MediaFieldKind } from '../fields/media-picker.js';
import { listEditor, pushPieceAt } from '../fields/list-editor.js';
import { localizedRichText, localizedText } from '../fields/localized.js';
import { t } from '../messages.js';
import type { EditorMessageKey } from '../messages.js';
import { arrayAt } from '../y/read.js';

/** A rich-text block: one Tiptap editor per language. */
export function textBlockEditor(context: EditContext, block: Y.Map<unknown>): TemplateResult {
  return localizedRichText(context, block, 'content', t('field.content'));
}

/**
 * A file field: the address, and beside it the organisation's media library to choose a file of
 * the field's kind from or upload one to (which writes the file's URL into the field).
 */
export function mediaSourceControl(context: EditContext, map: Y.Map<unknown>, key: string, label: string, kind: MediaFieldKind, options: { optional?: boolean } = {}): TemplateResult {
  return html`<div class="media-field">
    ${stringControl(context, map, key, label, options)}
    ${context.media
      ? html`<cl-media-picker .library=${context.media} kind=${kind} label=${label} ?disabled=${context.readOnly}
          @media-chosen=${(event: CustomEvent<MediaChosenDetail>) => setKey(context, map, key, event.detail.url)}></cl-media-picker>`
      : ''}
  </div>`;
}

/** An image: address, alternative text, caption and credit. */
export function imageBlockEditor(context: EditContext, block: Y.Map<unknown>): TemplateResult {
  return html`
    ${mediaSourceControl(context, block, 'src', t('field.src'), 'image')}
    ${localizedText(context, block, 'alt', t('field.alt'))}
    ${localizedText(context, block, 'caption', t('field.caption'))}
    ${stringControl(context, block, 'credit', t('field.credit'), { optional: true })}`;
}

/** A film: address, poster, length, alternative text, caption, subtitle tracks and transcript. */
export function filmBlockEditor(context: EditContext, block: Y.Map<unknown>): TemplateResult {
  return html`
    ${mediaSourceControl(context, block, 'src', t('field.src'), 'video')}
    ${mediaSourceControl(context, block, 'poster', t('field.poster'), 'image', { optional: true })}
    ${numberControl(context, block, 'durationSeconds', t('field.duration'), { optional: true, integer: true, min: 0 })}
    ${localizedText(context, block, 'alt', t('field.alt'))}
    ${localizedText(context, block, 'caption', t('field.caption'))}
    ${captionTracksEditor(context, block)}
    ${localizedRichText(context, block, 'transcript', t('field.transcript'))}`;
}

/** A recording: address, length, alternative text, caption, caption tracks and transcript (the film's rules, without a poster). */
export function audioBlockEditor(context: EditContext, block: Y.Map<unknown>): TemplateResult {
  return html`
    ${mediaSourceControl(context, block, 'src', t('field.src'), 'audio')}
    ${numberControl(context, block, 'durationSeconds', t('field.duration'), { optional: true, integer: true, min: 0 })}
    ${localizedText(context, block, 'alt', t('field.alt'))}
    ${localizedText(context, block, 'caption', t('field.caption'))}
    ${captionTracksEditor(context, block)}
    ${localizedRichText(context, block, 'transcript', t('field.transcript'))}`;
}

/** The WebVTT caption tracks of a film or a recording, one per language, each with the library beside its address. */
function captionTracksEditor(context: EditContext, block: Y.Map<unknown>): TemplateResult {
  const captions = arrayAt(block, 'captions');
  return html`
    ${listEditor(context, captions, {
      legend: t('field.captions'),
      itemLabel: (number) => t('field.captionSrc', { number }),
      addLabel: t('field.addCaption'),
      removeLabel: (number) => t('field.removeCaption', { number }),
      onAdd: () => pushPieceAt(context, block, 'captions', { language: context.languages[0] ?? 'en', src: '' }, 'CaptionTrack'),
      render: (map, index) => html`
        ${stringControl(context, map, 'language', t('field.captionLanguage', { number: index + 1 }))}
        ${mediaSourceControl(context, map, 'src', t('field.captionSrc', { number: index + 1 }), 'captions')}`,
    })}`;
}

const CONTACT_DETAILS = ['name', 'phone', 'crisisPhone', 'openingHours', 'address', 'email'] as const;

/** The unit-contact block: which of the care unit's details to show, and an introduction. */
export function unitContactBlockEditor(context: EditContext, block: Y.Map<unknown>): TemplateResult {
  const show = arrayAt(block, 'show');
  const shown = new Set(show?.toArray() ?? []);
  const toggle = (detail: string, on: boolean) => context.session.transact(() => {
    let array = arrayAt(block, 'show');
    if (!array) {
      array = new Y.Array<unknown>();
      block.set('show', array);
    }
    if (on) {
      if (!array.toArray().includes(detail)) array.push([detail]);
      return;
    }
    for (let index = array.length - 1; index >= 0; index -= 1) if (array.get(index) === detail) array.delete(index, 1);
  });
  return html`
    <fieldset class="checks">
      <legend>${t('field.show')}</legend>
      ${CONTACT_DETAILS.map((detail) => html`<label class="check">
        <input type="checkbox" .checked=${live(shown.has(detail))} ?disabled=${context.readOnly}
          @change=${(event: Event) => toggle(detail, (event.target as HTMLInputElement).checked)} />
        ${t(`contact.${detail}` as EditorMessageKey)}
      </label>`)}
    </fieldset>
    ${localizedText(context, block, 'intro', t('field.intro'), { multiline: true })}`;
}
