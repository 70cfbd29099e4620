// Helpers shared by the designer's browser tests: a signed-in workspace on a real server, people
// invited and joined through its API, waiting for async rendering, querying through shadow roots,
// and the axe check.
import type { TestServer } from '@careloom/renderer/test-server';
import { DesignerApi } from '../api/api-client.js';
import { designerOrganisations, type Workspace } from '../app/workspace.js';
export { seriousViolations } from '@careloom/renderer/testing';
export { startTestServer, type TestServer, type TestServerOptions } from '@careloom/renderer/test-server';

let jars = 0;

/**
 * The workspace of the demo account `key` (`designer`, `publisher`, `tester`, `permissions-admin`),
 * or of any `{ email, password }`, signed in on `server` through the designer's own client, in a
 * cookie jar of its own (as another browser would be) unless `jar` names one.
 */
export async function signedInWorkspace(server: TestServer, key: string | { email: string; password: string }, jar = `${typeof key === 'string' ? key : 'person'}-${++jars}`): Promise<Workspace> {
  const api = new DesignerApi({ fetch: server.fetch(jar) });
  const account = typeof key === 'string' ? server.account(key) : key;
  const session = await api.login(account.email, account.password);
  const organisation = designerOrganisations(session.memberships)[0];
  if (!organisation) throw new Error(`${account.email} works in no publishing organisation.`);
  return { api, session, organisationId: organisation.id, organisationName: organisation.name, roles: organisation.roles };
}

/** The demo publishing organisation's permissions admin, signed in for arranging on this jar. */
const ARRANGE_ADMIN = 'arrange-people';

/**
 * The link token of the newest membership invitation e-mailed to `email`, read from the server's
 * development outbox as the organisation's permissions admin (signed in on `jar`) would.
 */
export async function invitationToken(server: TestServer, email: string, jar = ARRANGE_ADMIN): Promise<string> {
  const { messages } = await server.call<{ messages: Array<{ to: string; text: string }> }>(jar, 'GET', '/api/dev/outbox');
  // The outbox lists the newest first.
  const mail = messages.find((message) => message.to.toLowerCase() === email.toLowerCase());
  const token = mail && /#\/invitation\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
  if (!token) throw new Error(`No invitation e-mail to ${email} in the outbox.`);
  return token;
}

/** The demo permissions admin invites `email` to the demo publishing organisation with `roles`; answers the link's token. */
export async function invite(server: TestServer, email: string, roles: string[], language = 'en'): Promise<string> {
  await server.signIn(ARRANGE_ADMIN, 'permissions-admin');
  const organisationId = await demoPublisherId(server);
  await server.call(ARRANGE_ADMIN, 'POST', `/api/organisations/${organisationId}/invitations`, { email, roles, language });
  return invitationToken(server, email);
}

/**
 * A new member of the demo publishing organisation with `roles`, who took up the invitation with
 * a name and password of their own (as `<cl-accept-invitation>` does); answers their login.
 */
export async function newMember(server: TestServer, name: string, roles: string[]): Promise<{ id: string; email: string; password: string }> {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}-${++jars}@example.test`;
  const password = `${name} chose a long password`;
  const token = await invite(server, email, roles);
  const joined = await server.call<{ session: { person: { id: string } } }>(`join-${jars}`, 'POST', '/api/public/member-invitations/join', { token, name, password });
  return { id: joined.session.person.id, email, password };
}

/** The id of the demo publishing organisation. */
export async function demoPublisherId(server: TestServer): Promise<string> {
  const session = await server.call<{ memberships: Array<{ organisationId: string; organisationKind: string }> }>(ARRANGE_ADMIN, 'GET', '/api/auth/me').catch(async () => {
    await server.signIn(ARRANGE_ADMIN, 'permissions-admin');
    return server.call<{ memberships: Array<{ organisationId: string; organisationKind: string }> }>(ARRANGE_ADMIN, 'GET', '/api/auth/me');
  });
  const publisher = session.memberships.find((membership) => membership.organisationKind === 'publisher');
  if (!publisher) throw new Error('The demo permissions admin works in no publishing organisation.');
  return publisher.organisationId;
}

/** Lets pending renders finish (a few macrotask turns; wait for the server's answers with `until`). */
export async function settle(element?: Element, rounds = 6): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (element && 'updateComplete' in element) await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  }
}

/** Waits until `check` returns a truthy value (or fails after `timeout` ms; a real server answers over the network, on a busy machine slowly). */
export async function until<T>(check: () => T | undefined | null | false, timeout = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** First element matching `selector`, searching open shadow roots too. */
export function deep<T extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): T | null {
  const all = deepAll<T>(root, selector);
  return all[0] ?? null;
}

/** Every element matching `selector`, searching open shadow roots too (document order per root). */
export function deepAll<T extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): T[] {
  const found: T[] = [];
  const visit = (node: Element | ShadowRoot | Document) => {
    found.push(...node.querySelectorAll<T>(selector));
    for (const element of node.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
  };
  visit(root);
  return [...new Set(found)];
}

/** Sets a field's value the way typing does. */
export function typeInto(field: Element | null, value: string): void {
  const input = field as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}
