// Every request clients send to the emulator, byte for byte as it arrived (request line, raw header lines, body),
// so a privacy test can prove that something never left the machine, in any encoding. Node's HTTP parser consumes
// the sockets natively, so the request is put back together from what the parser hands over, not read off the wire.
import type { IncomingMessage } from 'node:http';

/** Recording stops at this size; a test that needs more is sending far more than this emulator is meant for. */
const LIMIT_BYTES = 256 * 1024 * 1024;

export class ReceivedBytes {
  private chunks: Buffer[] = [];
  private size = 0;
  private overflowed = false;

  recordRequest(req: IncomingMessage, body: Buffer): void {
    const lines = [`${req.method ?? ''} ${req.url ?? ''} HTTP/${req.httpVersion}`];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
    if (this.size + head.length + body.length > LIMIT_BYTES) {
      this.overflowed = true;
      return;
    }
    this.chunks.push(head, Buffer.from(body));
    this.size += head.length + body.length;
  }

  all(): Buffer {
    if (this.overflowed) throw new Error(`the emulator stopped recording received requests after ${LIMIT_BYTES} bytes`);
    return Buffer.concat(this.chunks);
  }

  clear(): void {
    this.chunks = [];
    this.size = 0;
    this.overflowed = false;
  }
}
