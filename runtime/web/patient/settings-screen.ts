import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import type { NoticeSettings } from '@careloom/format/api';
import { checkStyles } from '../shared/check-styles.js';
import '../shared/linked-identities.js';
import { ScreenElement } from '../shared/screen-element.js';

/**
 * `<cl-settings-screen>`: the patient's settings: whether Careloom e-mails them when something new
 * waits (a message, new material, a reminder from their care unit), saved at once on change (the
 * server's senders read it in the same transaction as each e-mail); and their linked e-IDs
 * (`<cl-linked-identities>`).
 */
export class ClSettingsScreen extends ScreenElement {
  static override styles = [ScreenElement.styles, checkStyles];

  static override properties: PropertyDeclarations = { ...ScreenElement.properties, settings: { state: true }, busy: { state: true }, saved: { state: true }, error: { state: true } };

  declare settings: NoticeSettings | null;
  declare busy: boolean;
  declare saved: boolean;
  declare error: string | null;

  constructor() {
    super();
    this.settings = null;
    this.busy = false;
    this.saved = false;
    this.error = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    const loaded = await this.guard(() => this.api.get<NoticeSettings>('/api/me/notice-settings'));
    if (loaded) this.settings = loaded;
  }

  private async setNotices(emailNotices: boolean): Promise<void> {
    this.busy = true;
    this.saved = false;
    this.error = null;
    const kept = this.settings;
    // Shown at once as chosen; a failed save puts the box back to what the server kept.
    this.settings = { emailNotices };
    try {
      this.settings = await this.api.put<NoticeSettings>('/api/me/notice-settings', { emailNotices } satisfies NoticeSettings);
      this.saved = true;
    } catch (error) {
      this.error = this.describeError(error);
      this.settings = kept;
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<h1 tabindex="-1">${t('settingsTitle')}</h1>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${this.settings === null && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      ${this.settings
        ? html`<fieldset>
            <legend>${t('settingsNoticesLegend')}</legend>
            <label class="check"><input type="checkbox" name="emailNotices" .checked=${live(this.settings.emailNotices)} ?disabled=${this.busy}
              @change=${(event: Event) => this.setNotices((event.target as HTMLInputElement).checked)} /><span>${t('settingsNoticesLabel')}</span></label>
            <p class="hint">${t('settingsNoticesHint')}</p>
          </fieldset>`
        : null}
      <p class="status" role="status">${this.saved ? t('settingsSaved') : ''}</p>
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : null}
      <cl-linked-identities app="patient" .api=${this.api} .language=${this.language}></cl-linked-identities>`;
  }
}

if (!customElements.get('cl-settings-screen')) customElements.define('cl-settings-screen', ClSettingsScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-settings-screen': ClSettingsScreen;
  }
}
