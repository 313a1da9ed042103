// Reads a network answer's body up to a byte cap. `response.text()` buffers whatever the other end sends, so a
// broken proxy or a hostile endpoint could hand the extension megabytes (or an endless stream) that would then flow
// into memory, error messages and the log. Pure: no editor API, so both the Graph and the sign-in side use it.

export interface BodyText {
  /** The body decoded as UTF-8, at most the cap's bytes; a character cut in half at the cap is left out. */
  text: string;
  /** The body went on past the cap; the rest was cancelled, not downloaded. */
  truncated: boolean;
}

/** What the reader needs of a fetch Response. */
export type BodySource = Pick<Response, 'body'>;

/** Reads at most `maxBytes` of the body, then cancels the stream so the rest of it is never fetched. */
export async function readBodyText(response: BodySource, maxBytes: number): Promise<BodyText> {
  if (!response.body) return { text: '', truncated: false };
  const { bytes, truncated } = await readBytes(response.body.getReader(), maxBytes);
  const end = truncated ? utf8Boundary(bytes, bytes.length) : bytes.length;
  return { text: new TextDecoder('utf-8').decode(bytes.subarray(0, end)), truncated };
}

async function readBytes(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes: concat(chunks, total), truncated: false };
    const room = maxBytes - total;
    if (value.byteLength > room) {
      chunks.push(value.subarray(0, room));
      // Not awaited: a source that never settles its cancel must not hold the caller.
      reader.cancel(new Error(`answer body over ${maxBytes} bytes`)).catch(() => undefined);
      return { bytes: concat(chunks, maxBytes), truncated: true };
    }
    chunks.push(value);
    total += value.byteLength;
  }
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The largest end ≤ `end` that does not split a UTF-8 sequence (a cut body would otherwise decode to U+FFFD). */
export function utf8Boundary(bytes: Uint8Array, end: number): number {
  let start = end;
  // Step back over at most three continuation bytes (10xxxxxx) to the lead byte of the last sequence.
  while (start > 0 && end - start < 3 && ((bytes[start - 1] ?? 0) & 0xc0) === 0x80) start--;
  if (start === 0) return end;
  const lead = bytes[start - 1] ?? 0;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return end - (start - 1) >= length ? end : start - 1;
}

/** "4 MB", "64 KB", "512 bytes": a cap as a message names it. */
export function formatByteCap(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
