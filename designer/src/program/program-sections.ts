import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Program } from '@careloom/format';
import { t } from '../i18n/i18n.js';
import { peerMarks } from './peer-marks.js';
import type { EntryValue, ProgramList } from './program-doc.js';
import type { ProgramPeer } from './program-presence.js';

type Reminder = { minutesBefore: number; channels?: Array<'app' | 'email'> };

/** What the section templates need from the editor: the choices to offer and how to write. */
export interface SectionContext {
  readOnly: boolean;
  /** Modules of the organisation to schedule: id and title. */
  modules: ReadonlyArray<{ id: string; title: string }>;
  /** Released version numbers of a module, once loaded. */
  releasedVersions(moduleId: string): readonly number[] | undefined;
  /** Ids of the registration blocks of a module, once its content is loaded. */
  registrationBlocks(moduleId: string): readonly string[] | undefined;
  set(list: ProgramList, index: number, path: readonly string[], value: EntryValue | undefined): void;
  remove(list: ProgramList, index: number): void;
  move(list: ProgramList, from: number, to: number): void;
  /** The other editors on an entry (its key or id). */
  peersOn(list: ProgramList, entry: string): readonly ProgramPeer[];
  /** A field's own problem (e.g. weeks that are not numbers), keyed `list/index/field`. */
  fieldError(key: string): string | undefined;
  reportField(key: string, message: string | undefined): void;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** `''` → undefined (the field is removed), anything else → a number. */
function optionalNumber(raw: string): number | undefined {
  return raw.trim() === '' ? undefined : Number(raw);
}

function numberField(ctx: SectionContext, id: string, label: string, value: number | undefined, write: (value: number | undefined) => void, attrs: { min?: number; max?: number } = {}): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} type="number" inputmode="numeric" min=${attrs.min ?? nothing} max=${attrs.max ?? nothing} .value=${value === undefined ? '' : String(value)} ?disabled=${ctx.readOnly} @change=${(event: Event) => write(optionalNumber((event.target as HTMLInputElement).value))} />
  </div>`;
}

function textField(ctx: SectionContext, id: string, label: string, value: string, write: (value: string) => void): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} .value=${value} ?disabled=${ctx.readOnly} @change=${(event: Event) => write((event.target as HTMLInputElement).value.trim())} />
  </div>`;
}

function moduleSelect(ctx: SectionContext, id: string, moduleId: string, write: (moduleId: string) => void): TemplateResult {
  const known = ctx.modules.some((module) => module.id === moduleId);
  return html`<div class="field">
    <label for=${id}>${t('common.module')}</label>
    <select id=${id} ?disabled=${ctx.readOnly} @change=${(event: Event) => write((event.target as HTMLSelectElement).value)}>
      ${known ? nothing : html`<option value=${moduleId} selected>${moduleId || t('program.chooseModule')}</option>`}
      ${ctx.modules.map((module) => html`<option value=${module.id} ?selected=${module.id === moduleId}>${module.title} (${module.id})</option>`)}
    </select>
  </div>`;
}

function entryButtons(ctx: SectionContext, list: ProgramList, index: number, count: number, name: string): TemplateResult {
  if (ctx.readOnly) return html``;
  return html`<div class="row entry-buttons">
    <button type="button" ?disabled=${index === 0} aria-label=${t('program.moveUp', { name })} @click=${() => ctx.move(list, index, index - 1)}>↑</button>
    <button type="button" ?disabled=${index === count - 1} aria-label=${t('program.moveDown', { name })} @click=${() => ctx.move(list, index, index + 1)}>↓</button>
    <button type="button" class="danger" @click=${() => ctx.remove(list, index)}>${t('program.remove', { name })}</button>
  </div>`;
}

function checkbox(ctx: SectionContext, id: string, label: string, checked: boolean, write: (checked: boolean) => void): TemplateResult {
  return html`<label class="check" for=${id}><input id=${id} type="checkbox" .checked=${checked} ?disabled=${ctx.readOnly} @change=${(event: Event) => write((event.target as HTMLInputElement).checked)} />${label}</label>`;
}

/** Modules on the weekly schedule: module and version, the week it unlocks, what must be completed first. */
export function modulesSection(program: Program, ctx: SectionContext): TemplateResult {
  const entries = program.modules ?? [];
  return html`${entries.map((entry, index) => {
    const prefix = `modules-${index}`;
    const versions = ctx.releasedVersions(entry.module.moduleId);
    const others = entries.filter((other) => other.key !== entry.key);
    return html`<fieldset class="entry" data-list="modules" data-index=${index} data-entry=${entry.key}>
      <legend>${t('program.moduleEntry', { n: index + 1, key: entry.key })}</legend>
      ${peerMarks(ctx.peersOn('modules', entry.key))}
      <div class="row">
        ${textField(ctx, `${prefix}-key`, t('program.key'), entry.key, (value) => ctx.set('modules', index, ['key'], value))}
        ${moduleSelect(ctx, `${prefix}-module`, entry.module.moduleId, (value) => {
          ctx.set('modules', index, ['module', 'moduleId'], value);
          ctx.set('modules', index, ['module', 'version'], undefined);
        })}
        <div class="field">
          <label for="${prefix}-version">${t('program.version')}</label>
          <select id="${prefix}-version" ?disabled=${ctx.readOnly} @change=${(event: Event) => ctx.set('modules', index, ['module', 'version'], optionalNumber((event.target as HTMLSelectElement).value))}>
            <option value="" ?selected=${entry.module.version === undefined}>${t('program.versionAtRelease')}</option>
            ${entry.module.version !== undefined && !(versions ?? []).includes(entry.module.version) ? html`<option value=${entry.module.version} selected>${t('program.versionNumber', { n: entry.module.version })}</option>` : nothing}
            ${(versions ?? []).map((number) => html`<option value=${number} ?selected=${entry.module.version === number}>${t('program.versionNumber', { n: number })}</option>`)}
          </select>
        </div>
        ${numberField(ctx, `${prefix}-week`, t('program.unlockWeek'), entry.unlock.week, (value) => ctx.set('modules', index, ['unlock', 'week'], value), { min: 1, max: program.durationWeeks })}
      </div>
      ${others.length > 0
        ? html`<fieldset class="inline">
            <legend>${t('program.afterCompleting')}</legend>
            ${others.map((other) =>
              checkbox(ctx, `${prefix}-after-${other.key}`, other.key, (entry.unlock.afterCompleting ?? []).includes(other.key), (checked) => {
                const current = (entry.unlock.afterCompleting ?? []).filter((key) => key !== other.key);
                const next = checked ? [...current, other.key] : current;
                ctx.set('modules', index, ['unlock', 'afterCompleting'], next.length > 0 ? next : undefined);
              }),
            )}
          </fieldset>`
        : nothing}
      <div class="row">
        ${checkbox(ctx, `${prefix}-optional`, t('program.optional'), entry.optional ?? false, (checked) => ctx.set('modules', index, ['optional'], checked ? true : undefined))}
        ${checkbox(ctx, `${prefix}-remind`, t('program.remind'), entry.remind ?? true, (checked) => ctx.set('modules', index, ['remind'], checked ? undefined : false))}
      </div>
      ${entryButtons(ctx, 'modules', index, entries.length, entry.key)}
    </fieldset>`;
  })}`;
}

/** Repeated measurements: an instrument module filled in at given weeks. */
export function measurementsSection(program: Program, ctx: SectionContext): TemplateResult {
  const entries = program.measurements ?? [];
  return html`${entries.map((entry, index) => {
    const prefix = `measurements-${index}`;
    const weeksKey = `measurements/${index}/weeks`;
    const weeksError = ctx.fieldError(weeksKey);
    return html`<fieldset class="entry" data-list="measurements" data-index=${index} data-entry=${entry.id}>
      <legend>${t('program.measurementEntry', { n: index + 1, id: entry.id })}</legend>
      ${peerMarks(ctx.peersOn('measurements', entry.id))}
      <div class="row">
        ${textField(ctx, `${prefix}-id`, t('common.id'), entry.id, (value) => ctx.set('measurements', index, ['id'], value))}
        ${moduleSelect(ctx, `${prefix}-module`, entry.module.moduleId, (value) => ctx.set('measurements', index, ['module', 'moduleId'], value))}
        <div class="field">
          <label for="${prefix}-weeks">${t('program.weeks')}</label>
          <input id="${prefix}-weeks" .value=${entry.weeks.join(', ')} ?disabled=${ctx.readOnly} aria-describedby="${prefix}-weeks-hint" aria-invalid=${weeksError ? 'true' : 'false'} @change=${(event: Event) => writeWeeks(ctx, index, (event.target as HTMLInputElement).value, weeksKey)} />
          <span class="hint" id="${prefix}-weeks-hint">${weeksError ?? t('program.weeksHint')}</span>
        </div>
        ${numberField(ctx, `${prefix}-due`, t('program.dueWithinDays'), entry.dueWithinDays, (value) => ctx.set('measurements', index, ['dueWithinDays'], value), { min: 1, max: 7 })}
      </div>
      ${remindersField(ctx, 'measurements', index, entry.reminders ?? [])}
      ${entryButtons(ctx, 'measurements', index, entries.length, entry.id)}
    </fieldset>`;
  })}`;
}

function writeWeeks(ctx: SectionContext, index: number, raw: string, key: string): void {
  const tokens = raw.split(/[\s,;]+/).filter((token) => token !== '');
  const weeks = tokens.map(Number);
  if (weeks.some((week) => !Number.isInteger(week) || week < 1)) {
    ctx.reportField(key, t('program.weeksInvalid', { value: raw }));
    return;
  }
  ctx.reportField(key, undefined);
  ctx.set('measurements', index, ['weeks'], weeks);
}

/** Registrations: which registration block, how often, by when, and the reminders. */
export function registrationsSection(program: Program, ctx: SectionContext): TemplateResult {
  const entries = program.registrations ?? [];
  return html`${entries.map((entry, index) => {
    const prefix = `registrations-${index}`;
    const blocks = ctx.registrationBlocks(entry.module.moduleId);
    return html`<fieldset class="entry" data-list="registrations" data-index=${index} data-entry=${entry.id}>
      <legend>${t('program.registrationEntry', { n: index + 1, id: entry.id })}</legend>
      ${peerMarks(ctx.peersOn('registrations', entry.id))}
      <div class="row">
        ${textField(ctx, `${prefix}-id`, t('common.id'), entry.id, (value) => ctx.set('registrations', index, ['id'], value))}
        ${moduleSelect(ctx, `${prefix}-module`, entry.module.moduleId, (value) => ctx.set('registrations', index, ['module', 'moduleId'], value))}
        ${blocks && blocks.length > 0
          ? html`<div class="field">
              <label for="${prefix}-registration">${t('program.registration')}</label>
              <select id="${prefix}-registration" ?disabled=${ctx.readOnly} @change=${(event: Event) => ctx.set('registrations', index, ['registration'], (event.target as HTMLSelectElement).value)}>
                ${blocks.includes(entry.registration) ? nothing : html`<option value=${entry.registration} selected>${entry.registration}</option>`}
                ${blocks.map((block) => html`<option value=${block} ?selected=${block === entry.registration}>${block}</option>`)}
              </select>
            </div>`
          : textField(ctx, `${prefix}-registration`, t('program.registration'), entry.registration, (value) => ctx.set('registrations', index, ['registration'], value))}
        <div class="field">
          <label for="${prefix}-frequency">${t('program.frequency')}</label>
          <select id="${prefix}-frequency" ?disabled=${ctx.readOnly} @change=${(event: Event) => {
            const frequency = (event.target as HTMLSelectElement).value as 'daily' | 'weekly';
            ctx.set('registrations', index, ['frequency'], frequency);
            ctx.set('registrations', index, ['weekdays'], frequency === 'weekly' ? (entry.weekdays ?? [1]) : undefined);
          }}>
            <option value="daily" ?selected=${entry.frequency === 'daily'}>${t('program.daily')}</option>
            <option value="weekly" ?selected=${entry.frequency === 'weekly'}>${t('program.weekly')}</option>
          </select>
        </div>
        <div class="field">
          <label for="${prefix}-deadline">${t('program.deadline')}</label>
          <input id="${prefix}-deadline" type="time" .value=${entry.deadline} ?disabled=${ctx.readOnly} @change=${(event: Event) => ctx.set('registrations', index, ['deadline'], (event.target as HTMLInputElement).value)} />
        </div>
        ${numberField(ctx, `${prefix}-from`, t('program.fromWeek'), entry.fromWeek, (value) => ctx.set('registrations', index, ['fromWeek'], value), { min: 1 })}
        ${numberField(ctx, `${prefix}-to`, t('program.toWeek'), entry.toWeek, (value) => ctx.set('registrations', index, ['toWeek'], value), { min: 1 })}
      </div>
      ${entry.frequency === 'weekly'
        ? html`<fieldset class="inline">
            <legend>${t('program.weekdays')}</legend>
            ${WEEKDAYS.map((day) =>
              checkbox(ctx, `${prefix}-day-${day}`, t(`weekday.${day}`), ((entry.weekdays ?? []) as number[]).includes(day), (checked) => {
                const current = ((entry.weekdays ?? []) as number[]).filter((other) => other !== day);
                const next = checked ? [...current, day].sort((a, b) => a - b) : current;
                ctx.set('registrations', index, ['weekdays'], next);
              }),
            )}
          </fieldset>`
        : nothing}
      ${checkbox(ctx, `${prefix}-alert`, t('program.alertWhenMissing'), entry.alertWhenMissing ?? false, (checked) => ctx.set('registrations', index, ['alertWhenMissing'], checked ? true : undefined))}
      ${remindersField(ctx, 'registrations', index, entry.reminders ?? [])}
      ${entryButtons(ctx, 'registrations', index, entries.length, entry.id)}
    </fieldset>`;
  })}`;
}

function remindersField(ctx: SectionContext, list: 'measurements' | 'registrations', index: number, reminders: readonly Reminder[]): TemplateResult {
  const prefix = `${list}-${index}-reminder`;
  const write = (next: Reminder[]) => ctx.set(list, index, ['reminders'], next.length > 0 ? next : undefined);
  const replace = (at: number, change: Partial<Reminder>) => write(reminders.map((reminder, position) => (position === at ? { ...reminder, ...change } : reminder)));
  return html`<fieldset class="inline reminders">
    <legend>${t('program.reminders')}</legend>
    ${reminders.length === 0 ? html`<p class="muted">${t('program.noReminders')}</p>` : nothing}
    ${reminders.map(
      (reminder, at) => html`<div class="row">
        ${numberField(ctx, `${prefix}-${at}-minutes`, t('program.minutesBefore'), reminder.minutesBefore, (value) => replace(at, { minutesBefore: value ?? 0 }), { min: 0, max: 10080 })}
        ${(['app', 'email'] as const).map((channel) =>
          checkbox(ctx, `${prefix}-${at}-${channel}`, t(`program.channel.${channel}`), (reminder.channels ?? []).includes(channel), (checked) => {
            const channels = (reminder.channels ?? []).filter((other) => other !== channel);
            replace(at, { channels: checked ? [...channels, channel] : channels });
          }),
        )}
        ${ctx.readOnly ? nothing : html`<button type="button" @click=${() => write(reminders.filter((_reminder, position) => position !== at))}>${t('program.removeReminder')}</button>`}
      </div>`,
    )}
    ${ctx.readOnly ? nothing : html`<button type="button" @click=${() => write([...reminders, { minutesBefore: 60, channels: ['app'] }])}>${t('program.addReminder')}</button>`}
  </fieldset>`;
}
