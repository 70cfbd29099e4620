import { createScryptPasswordHasher } from '../auth/scrypt-password-hasher.js';

/**
 * scrypt at 1/32 of the production cost (N = 2^10 instead of 2^15): about 2 ms a hash instead of
 * about 80 ms on the 2-core test machines. The suites that start whole servers sign people in and
 * seed demo accounts hundreds of times (the end-to-end journeys alone hashed 205 times, 16 s of
 * CPU). The production cost is tested where it matters (auth/scrypt-password-hasher.test.ts).
 */
export const testPasswordHasher = createScryptPasswordHasher({ N: 2 ** 10, r: 8, p: 1 });
