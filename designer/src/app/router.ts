import { parseHash } from '@careloom/client/router';

/** The designer's screens, as the URL's hash names them. */
export type Route =
  | { name: 'library' }
  | { name: 'module'; id: string }
  | { name: 'review'; id: string }
  | { name: 'program'; id: string }
  /** The organisation's people and their roles, for permissions admins. */
  | { name: 'people' }
  /** The organisation's media library: its files, where they are used, removal of unused ones. */
  | { name: 'media' }
  /** The signed-in person's second factor, and the organisation's rule for it. */
  | { name: 'security' }
  /** The link of a membership invitation: accept it signed in, or join as a new person. */
  | { name: 'invitation'; token: string }
  /** A test run of a module version as a patient would go through it, on a test enrollment. */
  | { name: 'try'; id: string; version: number; enrollmentId: string }
  /** The time-travel simulator on a module's or program's draft (`version` null) or one of its versions. */
  | { name: 'simulate'; kind: 'module' | 'program'; id: string; version: number | null }
  | { name: 'not-found'; hash: string };

const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * Reads a location hash: `#/library` (also `''` and `#/`), `#/modules/<id>`, `#/modules/<id>/review`,
 * `#/modules/<id>/versions/<n>/try/<testEnrollmentId>`, `#/programs/<id>`, `#/programs/<id>/review`,
 * `#/people`, `#/media`, `#/invitation/<token>`, `#/modules/<id>/simulate`, `#/modules/<id>/versions/<n>/simulate`
 * (and the same under `#/programs/`).
 * Anything else is `not-found`. The hash is read by the apps' one parser (`parseHash`), so a
 * query (`?…`) and repeated slashes mean what they mean in the clinic and the patient app.
 *
 * @example
 * parseRoute('#/modules/phq-9/review'); // { name: 'review', id: 'phq-9' }
 */
export function parseRoute(hash: string): Route {
  const parts = parseHash(hash).segments;
  const [collection, id, view] = parts;
  if (parts.length === 0 || (parts.length === 1 && collection === 'library')) return { name: 'library' };
  if (parts.length === 1 && collection === 'people') return { name: 'people' };
  if (parts.length === 1 && collection === 'media') return { name: 'media' };
  if (parts.length === 1 && collection === 'security') return { name: 'security' };
  if (id === undefined || !SEGMENT.test(id)) return { name: 'not-found', hash };
  if (parts.length === 6) return tryRoute(parts, hash);
  if (parts.length === 5) return versionSimulateRoute(parts, hash);
  if (parts.length > 3) return { name: 'not-found', hash };
  if (view === 'simulate') return collection === 'modules' || collection === 'programs' ? { name: 'simulate', kind: collection === 'programs' ? 'program' : 'module', id, version: null } : { name: 'not-found', hash };
  if (collection === 'invitation') return parts.length === 2 ? { name: 'invitation', token: id } : { name: 'not-found', hash };
  if (view === 'review') return collection === 'modules' || collection === 'programs' ? { name: 'review', id } : { name: 'not-found', hash };
  if (view !== undefined) return { name: 'not-found', hash };
  if (collection === 'modules') return { name: 'module', id };
  if (collection === 'programs') return { name: 'program', id };
  return { name: 'not-found', hash };
}

/** The hash of a route, the inverse of {@link parseRoute}. */
export function routeHash(route: Exclude<Route, { name: 'not-found' }>, kind: 'module' | 'program' = 'module'): string {
  switch (route.name) {
    case 'library':
      return '#/library';
    case 'people':
      return '#/people';
    case 'media':
      return '#/media';
    case 'security':
      return '#/security';
    case 'invitation':
      return `#/invitation/${encodeURIComponent(route.token)}`;
    case 'module':
      return `#/modules/${encodeURIComponent(route.id)}`;
    case 'program':
      return `#/programs/${encodeURIComponent(route.id)}`;
    case 'review':
      return `#/${kind === 'program' ? 'programs' : 'modules'}/${encodeURIComponent(route.id)}/review`;
    case 'try':
      return `#/modules/${encodeURIComponent(route.id)}/versions/${route.version}/try/${encodeURIComponent(route.enrollmentId)}`;
    case 'simulate':
      return `#/${route.kind === 'program' ? 'programs' : 'modules'}/${encodeURIComponent(route.id)}${route.version === null ? '' : `/versions/${route.version}`}/simulate`;
  }
}

/** `#/modules/<id>/versions/<n>/simulate` (or `#/programs/…`), with n a positive integer. */
function versionSimulateRoute([collection, id, versions, number, verb]: string[], hash: string): Route {
  if ((collection !== 'modules' && collection !== 'programs') || versions !== 'versions' || verb !== 'simulate' || !/^[1-9]\d{0,8}$/.test(number!)) return { name: 'not-found', hash };
  return { name: 'simulate', kind: collection === 'programs' ? 'program' : 'module', id: id!, version: Number(number) };
}

/** `#/modules/<id>/versions/<n>/try/<testEnrollmentId>`, with n a positive integer. */
function tryRoute([collection, id, versions, number, verb, enrollmentId]: string[], hash: string): Route {
  if (collection !== 'modules' || versions !== 'versions' || verb !== 'try' || !/^[1-9]\d{0,8}$/.test(number!) || !SEGMENT.test(enrollmentId!)) return { name: 'not-found', hash };
  return { name: 'try', id: id!, version: Number(number), enrollmentId: enrollmentId! };
}

/** Where a document opens for editing. */
export function editorHash(kind: 'module' | 'program', id: string): string {
  return routeHash(kind === 'program' ? { name: 'program', id } : { name: 'module', id });
}
