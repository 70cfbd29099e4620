/**
 * Freezes a parsed JSON value and everything in it, so that one shared copy can be handed to every
 * request without any of them being able to change what the others see.
 *
 * @example
 * const content = deepFreeze(JSON.parse(canonical));
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
