import type { StaffNotice, StaffNoticeBody, StaffNoticeList } from '@careloom/format/api';
import { DomainError } from '../errors.js';
import { mailText } from '../mail-messages/index.js';
import { authorizeProvider } from './policy.js';
import { actorOf, careAudit } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import type { StaffNoticeForReader, StaffNoticeRecord } from './outreach-ports.js';

/** Roles that read notices: anyone who works in a unit (a patient's unit-scoped role does not count). */
const readerUnits = (context: CareContext): string[] =>
  [...new Set((context.principal?.memberships ?? []).filter((membership) => membership.role !== 'patient' && membership.unitId !== undefined).map((membership) => membership.unitId as string))];

/** Notices are for care providers' staff: a patient (or a publisher's designer) is refused. */
function staffOnly(context: CareContext): void {
  if (!context.principal) throw new DomainError('unauthenticated', 'Sign in to read notices.');
  if (!context.principal.memberships.some((membership) => STAFF_ROLES.has(membership.role))) throw new DomainError('forbidden', 'Notices are for the staff of care units.');
}
const STAFF_ROLES = new Set(['therapist', 'care_provider_admin', 'data_admin']);

/**
 * Information a care-provider admin posts to the staff of chosen units of their organisation (a
 * new phone system, a changed routine): stored, shown in the clinic to everyone working in those
 * units with an unread marker until they mark it read, and, when asked, e-mailed to them. The
 * e-mail only says that information waits: the text stays in the clinic behind sign-in.
 */
export function createStaffNoticeCommands(deps: CareDeps) {
  const unitNames = async (ids: readonly string[]) => {
    const names = new Map<string, string>();
    for (const id of ids) names.set(id, (await deps.store.getUnit(id))?.name ?? '');
    return names;
  };
  const present = async (notice: StaffNoticeRecord | StaffNoticeForReader): Promise<StaffNotice> => {
    const names = await unitNames(notice.unitIds);
    return {
      id: notice.id, organisationId: notice.organisationId, title: notice.title, body: notice.body, emailed: notice.emailed,
      postedByName: notice.postedByName, postedAt: notice.postedAt,
      units: notice.unitIds.map((id) => ({ id, name: names.get(id) ?? '' })).sort((a, b) => a.name.localeCompare(b.name)),
      readAt: 'readAt' in notice ? notice.readAt : null,
    };
  };
  const admin = (context: CareContext, organisationId: string) => {
    const decision = authorizeProvider(context.principal, 'notice.post', organisationId);
    if (!decision.allowed) throw new DomainError(decision.code, decision.reason);
    return decision.role;
  };

  return {
    async postStaffNotice(context: CareContext, organisationId: string, body: StaffNoticeBody): Promise<StaffNotice> {
      const role = admin(context, organisationId);
      const title = body.title.trim();
      const text = body.body.trim();
      const issues = [
        ...(title === '' ? [{ code: 'notice.title_empty', path: '/title', message: 'Give the notice a title.' }] : []),
        ...(text === '' ? [{ code: 'notice.body_empty', path: '/body', message: 'Write the information.' }] : []),
      ];
      const unitIds = [...new Set(body.unitIds)];
      for (const [index, unitId] of body.unitIds.entries()) {
        const unit = await deps.store.getUnit(unitId);
        // Another organisation's unit is named like a missing one: ids do not leak.
        if (!unit || unit.organisationId !== organisationId) issues.push({ code: 'notice.unit_unknown', path: `/unitIds/${index}`, message: 'There is no such unit in this care provider.' });
      }
      if (issues.length > 0) throw new DomainError('invalid', issues.map((issue) => issue.message).join(' '), { issues });
      const at = deps.now().toISOString();
      const id = deps.newId();
      const organisationName = (await deps.staffNotices.organisationName(organisationId)) ?? '';
      const mails = body.email
        ? (await deps.staffNotices.recipients(unitIds)).map((recipient) => ({
            id: deps.newId(), to: recipient.email, organisationId, createdAt: at,
            subject: mailText(context.language ?? 'en', 'mail.staffNotice.subject', { organisationName }),
            text: mailText(context.language ?? 'en', 'mail.staffNotice.text', { organisationName, url: `${deps.publicUrl().replace(/\/+$/, '')}/clinic#/notices` }),
          }))
        : [];
      const posted = await deps.staffNotices.post({
        notice: { id, organisationId, title, body: text, emailed: body.email, postedBy: actorOf(context), postedAt: at, unitIds },
        mails,
        audit: careAudit(deps, context, { at, role, action: 'staff_notice.post', objectType: 'staff_notice', objectId: id, details: { organisationId, units: unitIds.length, mails: mails.length } }),
      });
      return present(posted);
    },

    /** An organisation's notices, for its admins. */
    async organisationStaffNotices(context: CareContext, organisationId: string): Promise<StaffNoticeList> {
      admin(context, organisationId);
      const notices = await Promise.all((await deps.staffNotices.listOfOrganisation(organisationId)).map(present));
      return { notices, unread: 0 };
    },

    /** The notices to the units the caller works in, newest first, with how many they have not read. */
    async myStaffNotices(context: CareContext): Promise<StaffNoticeList> {
      staffOnly(context);
      if (!context.principal) throw new DomainError('unauthenticated', 'Sign in to read notices.');
      const notices = await Promise.all((await deps.staffNotices.listForReader(context.principal.personId, readerUnits(context))).map(present));
      return { notices, unread: notices.filter((notice) => notice.readAt === null).length };
    },

    async markStaffNoticeRead(context: CareContext, noticeId: string): Promise<void> {
      staffOnly(context);
      if (!context.principal) throw new DomainError('unauthenticated', 'Sign in to read notices.');
      const notice = await deps.staffNotices.get(noticeId);
      const units = new Set(readerUnits(context));
      if (!notice || !notice.unitIds.some((unitId) => units.has(unitId))) throw new DomainError('not_found', `There is no notice "${noticeId.slice(0, 100)}" for your units.`);
      await deps.staffNotices.markRead({ noticeId: notice.id, personId: context.principal.personId, at: deps.now().toISOString() });
    },
  };
}
