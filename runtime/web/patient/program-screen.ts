import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { seg } from '@careloom/client/api';
import type { MyEnrollment, Program, ProgramModule } from '@careloom/format/api';
import { hashOf } from '@careloom/client/router';
import { formatDateTime } from '../shared/i18n.js';
import type { MessageKey } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';

const STATE_KEY: Record<ProgramModule['state'], MessageKey> = {
  locked: 'stateLocked',
  unlocked: 'stateUnlocked',
  in_progress: 'stateInProgress',
  completed: 'stateCompleted',
};

/** `<cl-program-screen>`: each of the patient's programs: this week, the modules opened so far, and how far the patient has come. */
export class ClProgramScreen extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    enrollments: { attribute: false },
    programs: { state: true },
  };

  declare enrollments: MyEnrollment[];
  declare programs: Array<{ enrollment: MyEnrollment; program: Program }> | null;

  constructor() {
    super();
    this.enrollments = [];
    this.programs = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  protected override languageChanged(): Promise<void> {
    return this.load();
  }

  async load(): Promise<void> {
    const programs = await this.guard(() =>
      Promise.all(this.enrollments.map(async (enrollment) => ({ enrollment, program: await this.api.get<Program>(`/api/me/enrollments/${seg(enrollment.id)}/program`) }))),
    );
    if (programs) this.programs = programs;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<h1 tabindex="-1">${t('common.program')}</h1>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${this.programs === null && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      ${this.programs?.length === 0 ? html`<p class="muted">${t('programNone')}</p>` : null}
      ${(this.programs ?? []).map(({ enrollment, program }) => this.renderProgram(enrollment, program))}`;
  }

  private renderProgram(enrollment: MyEnrollment, program: Program): TemplateResult {
    const t = this.t;
    const open = program.modules.filter((module) => module.state !== 'locked');
    const done = program.modules.filter((module) => module.state === 'completed').length;
    return html`<section class="program" aria-labelledby=${`program-${enrollment.id}`}>
      <h2 id=${`program-${enrollment.id}`}>${program.title}</h2>
      <p>${t('programWeek', { week: program.week })} · ${t('programDone', { done, total: program.modules.length })}</p>
      <progress max=${program.modules.length} .value=${done} aria-label=${t('programDone', { done, total: program.modules.length })}></progress>
      ${enrollment.status === 'paused' ? html`<p class="hint">${t('programPaused')}</p>` : null}
      <ul class="plain">
        ${open.map((module) => html`<li class="card" data-module=${module.moduleId} data-state=${module.state}>
          <a href=${hashOf('modules', enrollment.id, module.moduleId, { v: String(module.version) })}>${module.title}</a>
          <p class="hint">${t(STATE_KEY[module.state])}${module.state === 'completed' && module.completedAt ? ` · ${formatDateTime(module.completedAt, this.language)}` : ''}${
            module.state === 'in_progress' && module.progress ? ` · ${t('answeredCount', { n: module.progress.answered })}` : ''}</p>
        </li>`)}
        ${program.modules.length > open.length ? html`<li class="card muted">${t('programLocked', { n: program.modules.length - open.length })}</li>` : null}
      </ul>
    </section>`;
  }
}

if (!customElements.get('cl-program-screen')) customElements.define('cl-program-screen', ClProgramScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-program-screen': ClProgramScreen;
  }
}
