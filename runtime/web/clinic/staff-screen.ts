import { html } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import type { MemberInvitation, Role, StaffDirectory } from '@careloom/format/api';
import { seg } from '@careloom/client/api';
import type { MessageKey } from '../shared/i18n.js';
import { ScreenElement } from '../shared/screen-element.js';

/** The roles a care provider gives its staff, in the order the screen lists them. */
export const STAFF_ROLES: readonly Role[] = ['therapist', 'care_provider_admin', 'permissions_admin', 'data_admin'];

const ROLE_KEYS: Record<string, MessageKey> = {
  therapist: 'staffRoleTherapist',
  care_provider_admin: 'staffRoleCareAdmin',
  permissions_admin: 'staffRolePermissionsAdmin',
  data_admin: 'staffRoleDataAdmin',
};

type StaffMember = StaffDirectory['members'][number];

/**
 * `<cl-staff-screen>`: a care provider's staff for its permissions admins, like the designer's
 * People screen: invite by e-mail with roles (the person joins only by accepting), change roles,
 * choose the units each therapist works in, disable or enable an account, withdraw an invitation.
 * Every change is saved at once and takes effect on the person's next request.
 */
export class ClStaffScreen extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    organisationId: { attribute: 'organisation-id' },
    directory: { state: true },
    invitations: { state: true },
    errors: { state: true },
    notice: { state: true },
  };

  declare organisationId: string;
  declare directory: StaffDirectory | null;
  declare invitations: MemberInvitation[];
  declare errors: Record<string, string>;
  declare notice: string;

  constructor() {
    super();
    this.organisationId = '';
    this.directory = null;
    this.invitations = [];
    this.errors = {};
    this.notice = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    const org = seg(this.organisationId);
    const result = await this.guard(() => Promise.all([this.api.get<StaffDirectory>(`/api/care/providers/${org}/staff`), this.api.get<{ invitations: MemberInvitation[] }>(`/api/organisations/${org}/invitations`)]));
    if (result) [this.directory, this.invitations] = [result[0], result[1].invitations];
  }

  /** Runs one change, shows its error beside `key`, and reloads. */
  private async change(key: string, work: () => Promise<unknown>, notice = ''): Promise<void> {
    try {
      await work();
      this.errors = { ...this.errors, [key]: '' };
      this.notice = notice;
      await this.load();
    } catch (error) {
      this.errors = { ...this.errors, [key]: this.describeError(error) };
    }
  }

  private async invite(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const roles = data.getAll('role').map(String);
    if (roles.length === 0) {
      this.errors = { ...this.errors, invite: this.t('staffRolesRequired') };
      return;
    }
    const language = ['en', 'sv', 'nb'].includes(this.language) ? this.language : 'en';
    await this.change('invite', () => this.api.post(`/api/organisations/${seg(this.organisationId)}/invitations`, { email, roles, language }), this.t('staffInvited', { email }));
    if (!this.errors['invite']) form.reset();
  }

  private setRole(member: StaffMember, role: Role, on: boolean): Promise<void> {
    const roles = on ? [...new Set([...member.roles, role])] : member.roles.filter((held) => held !== role);
    if (roles.length === 0) return this.change(member.person.id, () => this.api.request('DELETE', `/api/organisations/${seg(this.organisationId)}/members/${seg(member.person.id)}`));
    return this.change(member.person.id, () => this.api.put(`/api/organisations/${seg(this.organisationId)}/members/${seg(member.person.id)}/roles`, { roles }));
  }

  private setUnit(member: StaffMember, unitId: string, on: boolean): Promise<void> {
    return this.change(member.person.id, () => this.api.request(on ? 'PUT' : 'DELETE', `/api/care/units/${seg(unitId)}/therapists/${seg(member.person.id)}`));
  }

  private setDisabled(member: StaffMember, disabled: boolean): Promise<void> {
    const notice = this.t(disabled ? 'staffDisabledNotice' : 'staffEnabledNotice', { name: member.person.name });
    return this.change(member.person.id, () => this.api.post(`/api/organisations/${seg(this.organisationId)}/members/${seg(member.person.id)}/${disabled ? 'disable' : 'enable'}`), notice);
  }

  private withdraw(invitation: MemberInvitation): Promise<void> {
    return this.change(invitation.id, () => this.api.request('DELETE', `/api/organisations/${seg(this.organisationId)}/invitations/${seg(invitation.id)}`));
  }

  private renderMember(member: StaffMember, units: StaffDirectory['units']): TemplateResult {
    const t = this.t;
    const name = member.person.name;
    const workUnits = new Set((member.unitRoles ?? []).filter((grant) => grant.role === 'therapist').map((grant) => grant.unitId));
    return html`<li class="card member" data-person=${member.person.id}>
      <h2>${name}${member.person.disabledAt ? html` <span class="badge warning">${t('staffDisabled')}</span>` : null}</h2>
      <p>${member.person.email}</p>
      <fieldset><legend>${t('staffRolesOf', { name })}</legend>
        ${STAFF_ROLES.map((role) => html`<label><input type="checkbox" data-role=${role} .checked=${member.roles.includes(role)} @change=${(event: Event) => this.setRole(member, role, (event.target as HTMLInputElement).checked)} />${t(ROLE_KEYS[role]!)}</label>`)}
      </fieldset>
      ${member.roles.includes('therapist')
        ? html`<fieldset><legend>${t('staffUnitsOf', { name })}</legend>
            ${units.map((unit) => html`<label><input type="checkbox" data-unit=${unit.id} .checked=${workUnits.has(unit.id)} @change=${(event: Event) => this.setUnit(member, unit.id, (event.target as HTMLInputElement).checked)} />${unit.name}</label>`)}
          </fieldset>`
        : null}
      <div class="actions">
        ${member.person.disabledAt
          ? html`<button type="button" data-action="enable" @click=${() => this.setDisabled(member, false)}>${t('staffEnable', { name })}</button>`
          : html`<button type="button" data-action="disable" @click=${() => this.setDisabled(member, true)}>${t('staffDisable', { name })}</button>`}
      </div>
      ${this.errors[member.person.id] ? html`<p class="field-error" role="alert">${this.errors[member.person.id]}</p>` : null}
    </li>`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const directory = this.directory;
    return html`<h1 tabindex="-1">${t('staffTitle')}</h1>
      ${this.loadError ? html`<p class="form-error" role="alert">${this.loadError}</p>` : null}
      ${this.notice ? html`<p role="status">${this.notice}</p>` : null}
      <form class="card" @submit=${(event: SubmitEvent) => this.invite(event)}>
        <h2>${t('staffInviteTitle')}</h2>
        <p>${t('staffInviteHint')}</p>
        <label>${t('staffEmail')} <input type="email" name="email" required autocomplete="off" /></label>
        <fieldset><legend>${t('staffInviteRoles')}</legend>
          ${STAFF_ROLES.map((role) => html`<label><input type="checkbox" name="role" value=${role} />${t(ROLE_KEYS[role]!)}</label>`)}
        </fieldset>
        <button type="submit" class="primary">${t('staffInviteSend')}</button>
        ${this.errors['invite'] ? html`<p class="field-error" role="alert">${this.errors['invite']}</p>` : null}
      </form>
      ${this.invitations.length > 0
        ? html`<h2>${t('staffPending')}</h2><ul class="plain">${this.invitations.map((invitation) => html`<li class="card" data-invitation=${invitation.id}>
            <p>${invitation.email} · ${invitation.roles.map((role) => (ROLE_KEYS[role] ? t(ROLE_KEYS[role]!) : role)).join(', ')}${invitation.expired ? html` <span class="badge warning">${t('staffExpired')}</span>` : null}</p>
            <button type="button" @click=${() => this.withdraw(invitation)}>${t('staffWithdraw', { email: invitation.email })}</button>
            ${this.errors[invitation.id] ? html`<p class="field-error" role="alert">${this.errors[invitation.id]}</p>` : null}
          </li>`)}</ul>`
        : null}
      <h2>${t('staffMembers')}</h2>
      ${directory === null && !this.loadError ? html`<p role="status">${t('common.loading')}</p>` : null}
      <ul class="plain">${(directory?.members ?? []).map((member) => this.renderMember(member, directory?.units ?? []))}</ul>`;
  }
}

if (!customElements.get('cl-staff-screen')) customElements.define('cl-staff-screen', ClStaffScreen);

declare global {
  interface HTMLElementTagNameMap {
    'cl-staff-screen': ClStaffScreen;
  }
}
