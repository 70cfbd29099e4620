import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { formatDateTime } from '../shared/i18n.js';
import type { MessageKey } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';

interface Read {
  at: string;
  name: string | null;
  role: string | null;
  unit: string | null;
}

const ROLE_KEYS: Record<string, MessageKey> = { therapist: 'staffRoleTherapist', care_provider_admin: 'staffRoleCareAdmin', data_admin: 'staffRoleDataAdmin', permissions_admin: 'staffRolePermissionsAdmin' };

/** `<cl-reads-screen>`: who (name, role, unit) read the patient's data, and when, newest first. */
export class ClReadsScreen extends ScreenElement {
  static override properties: PropertyDeclarations = { ...ScreenElement.properties, reads: { state: true } };

  declare reads: Read[] | null;

  constructor() {
    super();
    this.reads = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    const result = await this.guard(() => this.api.get<{ reads: Read[] }>('/api/me/reads'));
    if (result) this.reads = result.reads;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<h1 tabindex="-1">${t('readsTitle')}</h1>
      <p>${t('readsIntro')}</p>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${this.reads === null && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      ${this.reads?.length === 0 ? html`<p class="muted">${t('readsNone')}</p>` : null}
      <ul class="plain">${(this.reads ?? []).map((read) => html`<li class="card read">
        <p><strong>${read.name ?? t('readsSomeone')}</strong>${read.role ? html`, ${ROLE_KEYS[read.role] ? t(ROLE_KEYS[read.role]!) : read.role}` : null}${read.unit ? html`, ${read.unit}` : null}</p>
        <p class="hint"><time datetime=${read.at}>${formatDateTime(read.at, this.language)}</time></p>
      </li>`)}</ul>`;
  }
}

if (!customElements.get('cl-reads-screen')) customElements.define('cl-reads-screen', ClReadsScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-reads-screen': ClReadsScreen;
  }
}
