// Compact JWTs signed with HS256 and the emulator's own secret: well-formed for any parser, checkable by the emulator.

import { createHmac, timingSafeEqual } from 'node:crypto';

export type Claims = Record<string, string | number | boolean | string[]>;

export function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

export function signJwt(claims: Claims, secret: Buffer): string {
  const head = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256', kid: 'emulator' }));
  const body = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

/** The claims of a token this emulator signed; undefined when malformed or forged. */
export function verifyJwt(token: string, secret: Buffer): Claims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? (claims as Claims) : undefined;
  } catch {
    return undefined;
  }
}
