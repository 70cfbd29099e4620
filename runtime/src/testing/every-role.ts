import { describe, expect, it } from 'vitest';

/** One endpoint of a role table: what each role must get from it. */
export interface RoleTableRow {
  name: string;
  method: string;
  /** The status per role; the table must name every role (a missing role fails the table). */
  expect: Record<string, number>;
}

export interface RoleTableResponse {
  status: number;
  body: unknown;
}

export interface RoleTableOptions<Row extends RoleTableRow, Response extends RoleTableResponse> {
  /** Every role the app knows, `anonymous` included: each row must say what each one gets. */
  roles: readonly string[];
  /** Calls the row's endpoint as `role` on a fresh copy of the seeded data. */
  call: (row: Row, role: string) => Promise<Response>;
  /** What else every answer must hold (e.g. `no-store`, or nothing changed after a refusal). */
  alsoExpect?: (response: Response, row: Row, role: string) => void;
}

/**
 * Every endpoint × every role, refusals first, each case its own test named `role → status`. A
 * refusal must be a problem+json naming its status. Shared by the route groups' `*-authz.test.ts`,
 * so a new route group gets the same discipline by listing its rows.
 *
 * @example
 * describeEveryRole('staff routes', ROWS, { roles: ALL_ROLES, call: async (row, role) => t.call(role, row.method, row.path) });
 */
export function describeEveryRole<Row extends RoleTableRow, Response extends RoleTableResponse>(title: string, rows: readonly Row[], options: RoleTableOptions<Row, Response>): void {
  describe(`${title}: every endpoint × role, refusals first`, () => {
    for (const row of rows) {
      describe(`${row.method} ${row.name}`, () => {
        const cases = Object.entries(row.expect).sort(([, a], [, b]) => Number(b >= 400) - Number(a >= 400));
        it('covers every role', () => expect(Object.keys(row.expect).sort()).toEqual([...options.roles].sort()));
        for (const [role, status] of cases) {
          it(`${role} → ${status}`, async () => {
            const response = await options.call(row, role);
            expect(response.status, JSON.stringify(response.body)).toBe(status);
            if (status >= 400) expect(response.body).toMatchObject({ status, type: expect.stringContaining('/problems/') });
            options.alsoExpect?.(response, row, role);
          });
        }
      });
    }
  });
}

/** A role table row where every role gets `status`. */
export function everyRole(roles: readonly string[], status: number): Record<string, number> {
  return Object.fromEntries(roles.map((role) => [role, status]));
}
