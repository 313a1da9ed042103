// The answers of the faults that test what a client keeps of a hostile answer: an echo of its own secrets written
// several ways, and a body of many megabytes.

import { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { EchoForm, Fault } from './faults';

type BigBodyFault = Extract<Fault, { kind: 'bigBody' }>;

/** The Authorization value and the body, written each of the given ways, space-separated. */
export function echoForms(forms: readonly EchoForm[], authorization: string, body: string): string {
  return forms.map((form) => echoForm(form, authorization, body)).join(' ');
}

function echoForm(form: EchoForm, authorization: string, body: string): string {
  switch (form) {
    case 'urlEncoded':
      return `authorization=${encodeURIComponent(authorization)} body=${encodeURIComponent(body)}`;
    case 'form':
      return new URLSearchParams({ authorization, body }).toString();
    case 'htmlAttribute':
      return `<input name="authorization" value="${htmlAttribute(authorization)}"><input name="body" value="${htmlAttribute(body)}">`;
    case 'word':
      return `token ${authorization.replace(/^\S+\s+/, '')} body ${body}`;
  }
}

function htmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The body's opening and closing, around the padding that makes it `bytes` long. */
function bigBodyFrame(fault: BigBodyFault): { head: string; tail: string } {
  if (fault.status >= 400) return { head: '{"error":{"code":"hugeAnswer","message":"', tail: '"}}' };
  return { head: '{"value":[],"padding":"', tail: '"}' };
}

/** Streams the body in chunks, with backpressure, and stops as soon as the client goes away. */
export async function sendBigBody(req: IncomingMessage, res: ServerResponse, fault: BigBodyFault): Promise<void> {
  const { head, tail } = bigBodyFrame(fault);
  const fill = fault.fill ?? 'x';
  const frameBytes = Buffer.byteLength(head) + Buffer.byteLength(tail);
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json',
    'Content-Length': fault.bytes,
    'request-id': randomUUID(),
  };
  const clientRequestId = req.headers['client-request-id'];
  if (typeof clientRequestId === 'string') headers['client-request-id'] = clientRequestId;
  res.writeHead(fault.status, headers);
  if (fault.bytes < frameBytes) {
    res.end(' '.repeat(fault.bytes));
    return;
  }
  const room = fault.bytes - frameBytes;
  const unitBytes = Buffer.byteLength(fill);
  const units = Math.floor(room / unitBytes);
  const padding = ' '.repeat(room - units * unitBytes);
  if (!(await write(res, head))) return;
  const chunk = fill.repeat(Math.max(1, Math.floor(CHUNK_BYTES / unitBytes)));
  const perChunk = chunk.length / fill.length;
  for (let sent = 0; sent < units; sent += perChunk) {
    const part = units - sent >= perChunk ? chunk : fill.repeat(units - sent);
    if (!(await write(res, part))) return;
  }
  res.end(padding + tail);
}

const CHUNK_BYTES = 64 * 1024;

/** Writes, waiting for the socket to drain; false once the client has gone. */
function write(res: ServerResponse, text: string): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (res.write(text)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (open: boolean) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(open);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}
