import { describe, expect, it } from 'vitest';
import { PartAssembler, splitIntoParts } from './postgres-cluster-bus.js';

const event = (size: number) => JSON.stringify({ o: 'sender', e: { kind: 'draft-presence', document: 'doc', update: 'A'.repeat(size) } });
const parsed = (parts: string[]) => parts.map((part) => JSON.parse(part) as Record<string, unknown>);

// The PostgreSQL bus sends an event larger than one NOTIFY (8000 bytes) in parts; its listeners put
// them together (the round trip over a real server is in postgres-cluster-bus.pg.test.ts).
describe('cluster events in parts', () => {
  it('splits an event into notices under 8000 bytes and puts it together in any order', () => {
    const payload = event(40_000);
    const parts = splitIntoParts(payload, 'sender');
    expect(parts.length).toBe(Math.ceil(Buffer.from(payload).toString('base64').length / 7000));
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThan(8000);
    const assembler = new PartAssembler();
    const shuffled = parsed(parts).reverse();
    for (const part of shuffled.slice(0, -1)) expect(assembler.add(part, 0)).toBeNull();
    expect(assembler.add(shuffled.at(-1), 0)).toEqual(JSON.parse(payload));
    expect(assembler.pending).toBe(0);
  });

  it('passes a whole notice through, and refuses parts that are malformed, repeated or claim another sender', () => {
    const assembler = new PartAssembler();
    expect(assembler.add({ o: 'x', e: { kind: 'access-changed', personId: 'p' } }, 0)).toBeUndefined();
    const [first, second] = parsed(splitIntoParts(event(9_000), 'sender'));
    expect(assembler.add({ ...first, n: 10_000 }, 0)).toBeNull();
    expect(assembler.add({ ...first, i: 5 }, 0)).toBeNull();
    expect(assembler.add({ ...first, p: '<script>' }, 0)).toBeNull();
    expect(assembler.add(first, 0)).toBeNull();
    expect(assembler.add(first, 0)).toBeNull(); // the same part again changes nothing
    // The whole must come from the sender its parts name.
    const forged = parsed(splitIntoParts(event(9_000), 'sender')).map((part) => ({ ...part, o: 'someone-else' }));
    expect(assembler.add(forged[0], 0)).toBeNull();
    expect(assembler.add(forged[1], 0)).toBeNull();
    expect(assembler.add(second, 0)).toEqual(JSON.parse(event(9_000)));
  });

  it('drops an event whose parts do not all arrive within 30 s, and holds at most 256 at once', () => {
    const assembler = new PartAssembler();
    const [first, second] = parsed(splitIntoParts(event(9_000), 'sender'));
    expect(assembler.add(first, 0)).toBeNull();
    expect(assembler.add(second, 31_000)).toBeNull(); // its first part was dropped meanwhile
    for (let index = 0; index < 1000; index++) assembler.add(parsed(splitIntoParts(event(9_000), 'sender'))[0], 40_000);
    expect(assembler.pending).toBe(256);
  });

  it('refuses to send an event larger than 256 KiB', () => {
    expect(() => splitIntoParts(event(300_000), 'sender')).toThrow(/larger than/);
  });
});
