// Raw HTTP helpers for talking to the emulator the way any client would.

import * as assert from 'node:assert/strict';
import { RunningEmulator } from '..';

export const CLIENT_ID = '6b9a3c1e-0000-4d2a-9c11-7e0a5b1c2d3e';

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function call(
  emulator: RunningEmulator,
  method: string,
  path: string,
  body?: unknown,
  options: { token?: string | null; contentType?: string | null; rawBody?: string; clientRequestId?: string } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? emulator.admin.mintAccessToken({ clientId: CLIENT_ID }) : options.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const payload = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  if (payload !== undefined && options.contentType !== null) headers['Content-Type'] = options.contentType ?? 'application/json';
  if (options.clientRequestId) headers['client-request-id'] = options.clientRequestId;
  const response = await fetch(`${emulator.graphUrl}${path}`, { method, headers, body: payload });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Asserts a Graph-shaped error and returns its message. */
export function assertGraphError(response: RawResponse, status: number, messagePattern?: RegExp): string {
  assert.equal(response.status, status, response.text);
  const body = response.json as
    { error?: { code?: unknown; message?: unknown; innerError?: Record<string, unknown> } } | undefined;
  const error = body?.error ?? {};
  assert.equal(typeof error.code, 'string', response.text);
  assert.equal(typeof error.message, 'string', response.text);
  assert.equal(typeof error.innerError?.date, 'string', response.text);
  assert.equal(typeof error.innerError?.['request-id'], 'string', response.text);
  assert.equal(response.headers.get('request-id'), error.innerError?.['request-id']);
  const message = String(error.message);
  if (messagePattern) assert.match(message, messagePattern);
  return message;
}

export function validActivity(appActivityId = 'recipe/42?view=steps'): Record<string, unknown> {
  return {
    appActivityId,
    activitySourceHost: 'https://cookbook.example.org',
    activationUrl: 'cookbook-app://recipes/42?view=steps',
    visualElements: { displayText: 'Lemon tart — step 3 of 7' },
  };
}

export const GUID_A = '0b6f7c2e-5d43-4a8e-9f21-3c1d2e4b5a67';
export const GUID_B = '1c7a8d3f-6e54-4b9f-8a32-4d2e3f5c6b78';
