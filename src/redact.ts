// Removes anything token-like from text before it reaches a log.

const patterns: [RegExp, string][] = [
  // Authorization headers and bearer tokens, in any case.
  [/(authorization["']?\s*[:=]\s*["']?)([^"',\s}]+(\s+[^"',\s}]+)?)/gi, '$1[redacted]'],
  [/\bbearer\s+[A-Za-z0-9\-._~+/]+=*/gi, 'Bearer [redacted]'],
  // JSON Web Tokens (header.payload.signature, base64url).
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, '[redacted-jwt]'],
  // OAuth fields in form bodies or JSON.
  [/((?:access_token|refresh_token|id_token|client_secret|device_code|client_info)["']?\s*[:=]\s*["']?)([^"'&\s,}]+)/gi, '$1[redacted]'],
];

export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}
