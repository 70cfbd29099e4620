import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { MyEnrollment } from '@careloom/format/api';
import type { MessageQueue } from '../shared/message-queue.js';
import { ScreenElement } from '../shared/screen-element.js';
import '../shared/message-thread.js';

/** `<cl-messages-screen>`: the patient's conversation with their care unit, one thread per program. */
export class ClMessagesScreen extends ScreenElement {
  static override properties: PropertyDeclarations = { ...ScreenElement.properties, enrollments: { attribute: false }, queue: { attribute: false } };

  declare enrollments: MyEnrollment[];
  /** The patient app's message queue: messages written offline wait in it. */
  declare queue: MessageQueue | undefined;

  constructor() {
    super();
    this.enrollments = [];
    this.queue = undefined;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const several = this.enrollments.length > 1;
    return html`<h1 tabindex="-1">${t('navMessages')}</h1>
      ${this.enrollments.length === 0 ? html`<p class="muted">${t('programNone')}</p>` : null}
      ${this.enrollments.map((enrollment) => html`<section aria-label=${`${enrollment.title}, ${enrollment.unit.name}`}>
        ${several ? html`<h2>${enrollment.title}</h2>` : null}
        <p class="hint">${t('messagesWith', { unit: enrollment.unit.name })}</p>
        <cl-message-thread .api=${this.api} .language=${this.language} .queue=${this.queue} side="patient" base=${`/api/me/enrollments/${seg(enrollment.id)}`}></cl-message-thread>
      </section>`)}`;
  }
}

if (!customElements.get('cl-messages-screen')) customElements.define('cl-messages-screen', ClMessagesScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-messages-screen': ClMessagesScreen;
  }
}
