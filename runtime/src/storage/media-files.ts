import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BodyTooLarge, type MediaBodies, type ReceivedBody } from '../domain/media/media-bodies.js';
import { SNIFF_BYTES } from '../domain/media/media-types.js';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Media bodies in a folder: `<dir>/<first two hex digits>/<sha256>`, written to `<dir>/incoming/`
 * first. A body is acknowledged only after its file and both folders are synced (write, fsync,
 * rename, fsync the folder), so an upload the server answered survives a kill -9 or a power cut;
 * an upload cut off half-way leaves only a temporary file, never a half body under a hash name.
 * Temporary files left by a crash mid-upload are removed by the first upload a day later.
 */
export function openMediaFiles(dir: string): MediaBodies {
  const incoming = join(dir, 'incoming');
  let prepared = false;
  // The folder is made on the first upload, so a server nobody uploads to leaves nothing behind.
  const prepare = () => {
    if (prepared) return;
    mkdirSync(incoming, { recursive: true });
    // Another process sharing the folder may be receiving right now: only day-old leftovers go.
    for (const name of readdirSync(incoming)) {
      const path = join(incoming, name);
      const info = statSync(path, { throwIfNoEntry: false });
      if (info && Date.now() - info.mtimeMs > 24 * 3600_000) rmSync(path, { force: true });
    }
    prepared = true;
  };
  const pathOf = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new RangeError('Not a SHA-256 hex digest.');
    return join(dir, sha256.slice(0, 2), sha256);
  };

  return {
    async receive(body, { maxBytes }): Promise<ReceivedBody> {
      prepare();
      const temporary = join(incoming, randomBytes(16).toString('hex'));
      const file = await open(temporary, 'wx', 0o640);
      const hash = createHash('sha256');
      const decoder = new TextDecoder('utf-8', { fatal: true });
      const head: Uint8Array[] = [];
      let headBytes = 0;
      let size = 0;
      let utf8 = true;
      const discard = () => rm(temporary, { force: true });
      try {
        try {
          for await (const chunk of body) {
            size += chunk.byteLength;
            if (size > maxBytes) throw new BodyTooLarge(maxBytes);
            hash.update(chunk);
            if (headBytes < SNIFF_BYTES) {
              head.push(chunk.subarray(0, SNIFF_BYTES - headBytes));
              headBytes += Math.min(chunk.byteLength, SNIFF_BYTES - headBytes);
            }
            utf8 &&= decodes(decoder, chunk);
            for (let written = 0; written < chunk.byteLength; ) written += (await file.write(chunk, written, chunk.byteLength - written)).bytesWritten;
          }
          utf8 &&= decodes(decoder);
          await file.sync();
        } finally {
          await file.close();
        }
      } catch (error) {
        await discard();
        throw error;
      }
      const sha256 = hash.digest('hex');
      return {
        sha256,
        sizeBytes: size,
        head: Buffer.concat(head),
        utf8,
        async keep() {
          const target = pathOf(sha256);
          const folder = join(dir, sha256.slice(0, 2));
          await mkdir(folder, { recursive: true });
          const existing = await stat(target).catch(() => undefined);
          if (existing?.size === size) {
            await discard();
            return;
          }
          await rename(temporary, target);
          await syncFolder(folder);
          await syncFolder(dir);
        },
        discard,
      };
    },
    async size(sha256) {
      return (await stat(pathOf(sha256)).catch(() => undefined))?.size;
    },
    read(sha256, range) {
      return Readable.toWeb(createReadStream(pathOf(sha256), { start: range.start, end: range.end })) as ReadableStream<Uint8Array>;
    },
    async remove(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
  };
}

/** Makes a rename inside `folder` durable (the folder's entry list reaches the disk). */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Feeds a streaming UTF-8 decoder (no chunk: the end); false at the first invalid byte sequence. */
function decodes(decoder: TextDecoder, chunk?: Uint8Array): boolean {
  try {
    if (chunk) decoder.decode(chunk, { stream: true });
    else decoder.decode();
    return true;
  } catch {
    return false;
  }
}
