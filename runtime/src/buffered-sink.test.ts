import { describe, expect, it } from 'vitest';
import { createBufferedSink } from './buffered-sink.js';

describe('createBufferedSink', () => {
  it('hands the lines of one turn to the target as one write, in order', () => {
    const writes: string[] = [];
    const scheduled: Array<() => void> = [];
    const sink = createBufferedSink({ write: (text) => writes.push(text) }, (flush) => scheduled.push(flush));
    sink.write('a\n');
    sink.write('b\n');
    expect(writes).toEqual([]);
    expect(scheduled).toHaveLength(1);
    scheduled[0]!();
    expect(writes).toEqual(['a\nb\n']);
    sink.write('c\n');
    expect(scheduled).toHaveLength(2);
    sink.flush();
    expect(writes).toEqual(['a\nb\n', 'c\n']);
  });

  it('writes at the end of the event-loop turn by default', async () => {
    const writes: string[] = [];
    const sink = createBufferedSink({ write: (text) => writes.push(text) });
    sink.write('x\n');
    await new Promise((done) => setImmediate(done));
    expect(writes).toEqual(['x\n']);
  });
});
