import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * Splits decoded chunks into lines (without their line breaks, a trailing CR dropped), in time
 * linear in the input: each chunk is searched once, and a line's pieces are joined once. A line longer
 * than `maxChars` comes out as `null` (dropped as it streams by, never held); a UTF-8 byte order
 * mark at the start of the input is dropped.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private parts: string[] = [];
  private length = 0;
  private tooLong = false;
  private started = false;

  constructor(private readonly maxChars = Infinity) {}

  push(chunk: Buffer | string): (string | null)[] {
    let text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const out: (string | null)[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      this.add(text.slice(start, nl));
      out.push(this.take());
      start = nl + 1;
    }
    this.add(text.slice(start));
    return out;
  }

  end(): (string | null)[] {
    this.add(this.decoder.end());
    if (this.length === 0 && !this.tooLong) return [];
    return [this.take()];
  }

  private add(piece: string): void {
    if (this.tooLong || piece.length === 0) return;
    this.length += piece.length;
    if (this.length > this.maxChars) {
      this.tooLong = true;
      this.parts = [];
    } else this.parts.push(piece);
  }

  private take(): string | null {
    const line = this.tooLong ? null : this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.length = 0;
    this.tooLong = false;
    return line !== null && line.endsWith('\r') ? line.slice(0, -1) : line;
  }
}

/**
 * A file's chunks, 32 KiB at a time: one await per chunk instead of one per line, and chunks small
 * enough to die young (larger strings go straight to the old heap and swell the process until a
 * full collection).
 */
export const chunksOf = (path: string) => createReadStream(path, { highWaterMark: 1 << 15 }) as AsyncIterable<Buffer>;

/** The lines of a file. */
export async function* jsonLines(path: string): AsyncGenerator<string> {
  const split = new LineSplitter();
  for await (const chunk of chunksOf(path)) for (const line of split.push(chunk)) yield line!;
  for (const line of split.end()) yield line!;
}

/**
 * Calls `line` for each line of a file, read synchronously in 64 KiB pieces (for a pass that does no
 * I/O of its own, where an await per line would cost more than the work); a line longer than
 * `maxChars` comes as `null`, as from `LineSplitter`.
 */
export function forEachLineSync(path: string, maxChars: number, line: (text: string | null) => void): void {
  const split = new LineSplitter(maxChars);
  const fd = openSync(path, 'r');
  try {
    const piece = Buffer.allocUnsafe(1 << 16);
    for (let n = readSync(fd, piece); n > 0; n = readSync(fd, piece)) for (const text of split.push(piece.subarray(0, n))) line(text);
  } finally {
    closeSync(fd);
  }
  for (const text of split.end()) line(text);
}
