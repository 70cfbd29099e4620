/**
 * Which kind of document this is, by a field only that kind has: `pages` (module), `durationWeeks`
 * (program) or `clientId` (response). Undefined for anything else.
 *
 * @example
 * detectDocumentKind(JSON.parse(text)); // 'module'
 */
export function detectDocumentKind(doc: unknown): 'module' | 'program' | 'response' | undefined {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  if ('pages' in doc) return 'module';
  if ('durationWeeks' in doc) return 'program';
  if ('clientId' in doc) return 'response';
  return undefined;
}
