import { describe, expect, it } from 'vitest';
import { createRandomPool, createUuidV7Ids, uuidGenerator } from './ids.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createUuidV7Ids', () => {
  it('makes version 7 UUIDs whose first 48 bits are the time in milliseconds', () => {
    const id = createUuidV7Ids(() => Date.UTC(2026, 11, 5, 8, 0, 0, 123)).newId();
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(Date.UTC(2026, 11, 5, 8, 0, 0, 123));
  });

  it('keeps 10,000 ids made in one millisecond, and after the clock stepped back, in strictly increasing order', () => {
    let time = 1_800_000_000_000;
    const ids = createUuidV7Ids(() => time);
    const made: string[] = [];
    for (let index = 0; index < 10_000; index += 1) {
      if (index === 5000) time -= 60_000;
      made.push(ids.newId());
    }
    for (let index = 1; index < made.length; index += 1) expect(made[index]! > made[index - 1]!).toBe(true);
    expect(new Set(made).size).toBe(made.length);
    for (const id of made) expect(id).toMatch(UUID_V7);
  });

  it('moves on to the next millisecond when the 4096 ids of one are used up', () => {
    const ids = createUuidV7Ids(() => 0, (bytes) => bytes.fill(0));
    const made = Array.from({ length: 4097 }, () => ids.newId());
    expect(made[4095]).toBe('00000000-0000-7fff-8000-000000000000');
    expect(made[4096]).toBe('00000000-0001-7000-8000-000000000000');
  });

  it('is what the server uses by default, with random bits that differ', () => {
    const a = uuidGenerator.newId();
    const b = uuidGenerator.newId();
    expect(a).toMatch(UUID_V7);
    expect(b > a).toBe(true);
    expect(a.slice(19)).not.toBe(b.slice(19));
  });
});

describe('createRandomPool', () => {
  it('never hands out the same bytes twice, across refills, and fills arrays larger than the pool directly', () => {
    const fill = createRandomPool(64);
    const seen = new Set<string>();
    for (let draw = 0; draw < 1000; draw++) {
      const bytes = new Uint8Array(16);
      fill(bytes);
      seen.add(Buffer.from(bytes).toString('hex'));
    }
    expect(seen.size).toBe(1000);
    const large = new Uint8Array(200);
    fill(large);
    expect(large.some((byte) => byte !== 0)).toBe(true);
  });
});
