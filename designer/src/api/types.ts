// What the server answers, as the designer reads it. The shapes come from the runtime's own types
// (type-only imports: nothing of the server is bundled), so a change there breaks this build.
import type { CommentInput, CommentThread } from '../../../runtime/src/domain/authoring/comments.js';
import type { CreateDocumentInput, DraftView } from '../../../runtime/src/domain/authoring/documents.js';
import type { CommentRecord, DocumentSummary } from '../../../runtime/src/domain/authoring/ports.js';
import type { TransitionInput } from '../../../runtime/src/domain/authoring/transitions.js';
import type { TestEnrollmentView } from '../../../runtime/src/domain/authoring/test-enrollments.js';
import type { DiffView, VersionView } from '../../../runtime/src/domain/authoring/versions.js';
import type { VersionState, WorkflowAction } from '../../../schemas/src/workflow/version-workflow.js';
import type { ExampleSummary } from '../../../runtime/src/domain/example-catalog.js';
import type { InviteBody, JoinBody } from '../../../runtime/src/routes/accounts-bodies.js';
import type { Role } from '../../../runtime/src/domain/principal.js';
import type { presentAcceptedInvitation, presentInvitation, presentInvitationPreview, presentMember, presentMyOrganisation, presentSession } from '../../../runtime/src/routes/present-accounts.js';

export type { CommentInput, CommentRecord, CommentThread, CreateDocumentInput, DiffView, DocumentSummary, DraftView, ExampleSummary, TestEnrollmentView, TransitionInput, VersionState, VersionView, WorkflowAction };

/** GET /api/auth/me and POST /api/auth/login. */
export type Session = ReturnType<typeof presentSession>;
export type SessionMembership = Session['memberships'][number];

/** GET /api/organisations. */
export type MyOrganisation = ReturnType<typeof presentMyOrganisation>;

/** GET /api/organisations/:id/members (each entry), and the answer of setting roles. */
export type Member = ReturnType<typeof presentMember>;

/** POST /api/organisations/:id/invitations: an e-mail address, the roles it gets on acceptance, the e-mail's language. */
export type InviteInput = InviteBody;

/** An open invitation (GET /api/organisations/:id/invitations, and the answer of inviting or resending). */
export type Invitation = ReturnType<typeof presentInvitation>;

/** POST /api/public/member-invitations/preview: what a link offers. */
export type InvitationPreview = ReturnType<typeof presentInvitationPreview>;

/** The membership an acceptance gave. */
export type AcceptedInvitation = ReturnType<typeof presentAcceptedInvitation>;

/** POST /api/public/member-invitations/join: a new person's name and password. */
export type JoinInput = Omit<JoinBody, 'token'>;
export type { Role };

/** GET /api/modules/:id: the document with each version's state. */
export type DocumentDetail = DocumentSummary & { versions: Array<{ number: number; state: VersionState; allowedActions: WorkflowAction[] }> };

/** Which content a comment or diff side is about: a version number or the live draft. */
export type VersionRef = number | 'draft';
