import { createHmac } from 'node:crypto';

/** HMAC-SHA256 of `text` as lowercase hex: stable for one key, unguessable without it. */
export function keyedHash(key: string | Uint8Array, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

export function keyByteLength(key: string | Uint8Array): number {
  return typeof key === 'string' ? Buffer.byteLength(key, 'utf8') : key.byteLength;
}
