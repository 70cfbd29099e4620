import type { Message as WireMessage } from '@careloom/format/api';
import { DomainError } from '../errors.js';
import type { Role } from '../principal.js';
import { actorOf, auditPatientRead, careAudit, enrollmentFor, ownEnrollment } from './care-access.js';
import type { CareContext, CareDeps } from './care-deps.js';
import type { EnrollmentRecord, MessageRecord, UnitRecord } from './ports.js';

/** A message as the API shows it: the wire type. */
export type MessageView = WireMessage;

export function presentMessage(message: MessageRecord): MessageView {
  return { id: message.id, from: message.from, authorName: message.authorName, body: message.body, sentAt: message.sentAt, readAt: message.readAt };
}

type Side = 'patient' | 'therapist';

/**
 * The message thread between a patient and the unit's therapists, from either side. Each side marks
 * the other side's messages read, which is what the sender sees as a read receipt.
 */
export function createMessageCommands(deps: CareDeps) {
  const access = async (context: CareContext, enrollmentId: string, side: Side): Promise<{ enrollment: EnrollmentRecord; unit: UnitRecord; role: Role }> => {
    if (side === 'therapist') return enrollmentFor(deps, context, enrollmentId, 'enrollment.write');
    return { ...(await ownEnrollment(deps, context, enrollmentId)), role: 'patient' };
  };

  const list = async (context: CareContext, enrollmentId: string, side: Side): Promise<MessageView[]> => {
    const { enrollment, unit, role } = await access(context, enrollmentId, side);
    if (side === 'therapist') await auditPatientRead(deps, context, role, enrollment, unit, 'messages');
    return (await deps.store.listMessages(enrollment.id)).map(presentMessage);
  };

  /** Sends a message; a repeated `clientId` (a device retrying) answers the message stored the first time. */
  const send = async (context: CareContext, enrollmentId: string, side: Side, input: { body: string; clientId?: string }): Promise<{ message: MessageView; created: boolean }> => {
    const { enrollment, unit, role } = await access(context, enrollmentId, side);
    const text = input.body.trim();
    if (text === '') throw new DomainError('invalid', 'Write a message first.', { issues: [{ code: 'message.empty', path: '/body', message: 'The message is empty.' }] });
    if (enrollment.status === 'ended' && side === 'patient') throw new DomainError('conflict', 'This program has ended; contact your care unit by phone.');
    const at = deps.now().toISOString();
    const id = deps.newId();
    const message = { id, enrollmentId: enrollment.id, from: side, authorId: actorOf(context), body: text, sentAt: at, readAt: null, ...(input.clientId === undefined ? {} : { clientId: input.clientId.toLowerCase() }) };
    const stored = await deps.store.addMessage({ message, audit: careAudit(deps, context, { at, role, action: 'message.send', objectType: 'message', objectId: id, unit, patientId: enrollment.patientId, details: { enrollmentId: enrollment.id, from: side } }) });
    if (!stored.created && (stored.message.enrollmentId !== enrollment.id || stored.message.body !== text)) {
      throw new DomainError('conflict', 'This message id was already used for another message. Send the message with a new id.', { issues: [{ code: 'message.client_id_reused', path: '/clientId', message: 'Another message was sent with this id.' }] });
    }
    return { message: presentMessage(stored.message), created: stored.created };
  };

  const markRead = async (context: CareContext, enrollmentId: string, side: Side): Promise<void> => {
    const { enrollment, unit, role } = await access(context, enrollmentId, side);
    const from: Side = side === 'therapist' ? 'patient' : 'therapist';
    const at = deps.now().toISOString();
    await deps.store.markMessagesRead({ enrollmentId: enrollment.id, from, at, audit: careAudit(deps, context, { at, role, action: 'message.read', objectType: 'enrollment', objectId: enrollment.id, unit, patientId: enrollment.patientId, details: { from } }) });
  };

  return {
    listMessages: (context: CareContext, enrollmentId: string) => list(context, enrollmentId, 'therapist'),
    sendMessage: (context: CareContext, enrollmentId: string, input: { body: string; clientId?: string }) => send(context, enrollmentId, 'therapist', input),
    markMessagesRead: (context: CareContext, enrollmentId: string) => markRead(context, enrollmentId, 'therapist'),
    listMyMessages: (context: CareContext, enrollmentId: string) => list(context, enrollmentId, 'patient'),
    sendMyMessage: (context: CareContext, enrollmentId: string, input: { body: string; clientId?: string }) => send(context, enrollmentId, 'patient', input),
    markMyMessagesRead: (context: CareContext, enrollmentId: string) => markRead(context, enrollmentId, 'patient'),
  };
}
