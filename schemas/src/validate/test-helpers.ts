// Assertions shared by the validation tests.
import { expect } from 'vitest';
import type { Issue } from '../issue.js';
import type { ValidationResult } from './index.js';

/** Asserts a failed result with exactly these issues (code and path), each message naming `mentions[i]`. */
export function expectIssues(result: ValidationResult<unknown> | Issue[], expected: Array<{ code: string; path: string; mentions?: string[] }>): Issue[] {
  const issues = Array.isArray(result) ? result : result.issues;
  if (!Array.isArray(result)) expect(result.ok).toBe(false);
  expect(issues.map(({ code, path }) => ({ code, path }))).toEqual(expected.map(({ code, path }) => ({ code, path })));
  expected.forEach(({ mentions = [] }, index) => {
    const message = issues[index]?.message ?? '';
    for (const mention of mentions) expect(message.toLowerCase()).toContain(mention.toLowerCase());
    expect(message).toMatch(/^[A-Z].*\.$/s);
  });
  return issues;
}
