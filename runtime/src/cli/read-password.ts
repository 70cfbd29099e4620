import type { Readable, Writable } from 'node:stream';

/** A terminal input: raw mode lets the password be read without echo. */
type Input = Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/**
 * Reads a password for a command-line tool: from a terminal with a prompt and without echo (asked
 * twice), otherwise the first line of standard input (`printf '%s\n' "$PASSWORD" | npm run …`).
 * Never from the command line, where it would sit in the shell history and in `ps`.
 *
 * @throws Error when a terminal's two entries differ, or the input ends without a line
 */
export async function readPassword(input: Input, output: Writable): Promise<string> {
  if (input.isTTY && input.setRawMode) {
    const first = await readHidden(input, output, 'Password: ');
    const second = await readHidden(input, output, 'The same password again: ');
    if (first !== second) throw new Error('The two passwords differ.');
    return first;
  }
  return firstLine(input);
}

async function firstLine(input: Readable): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    const end = text.search(/\r?\n/);
    if (end >= 0) return text.slice(0, end);
    if (text.length > 4096) break;
  }
  if (text === '' || text.length > 4096) throw new Error('Give the password on standard input (one line), or run the command in a terminal to be asked for it.');
  return text;
}

function readHidden(input: Input, output: Writable, prompt: string): Promise<string> {
  output.write(prompt);
  input.setRawMode?.(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new Error('Cancelled.'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    input.on('data', onData);
  });
}
