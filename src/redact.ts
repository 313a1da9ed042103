// Removes anything secret-like from text before it reaches any sink: the log, the outbox (`lastError`), a
// notification, a report. Covers headers (Authorization, Cookie, Set-Cookie), bearer tokens, JWT shapes, OAuth and
// MSAL fields in JSON (also JSON escaped inside a string), form bodies and query strings, and password fields.
// Idempotent: redacting twice gives the same text.

const REDACTED = '[redacted]';

/**
 * Field names whose value is a secret, in snake_case, camelCase or kebab-case: OAuth (`access_token`,
 * `refresh_token`, `id_token`, `client_secret`, `client_assertion`, `code_verifier`, `device_code`,
 * `client_info`), MSAL's cache (`secret`), a bare `token`, and passwords.
 */
const SECRET_FIELD =
  '(?:access[_-]?token|refresh[_-]?token|id[_-]?token|token|client[_-]?secret|client[_-]?assertion|code[_-]?verifier|device[_-]?code|client[_-]?info|secret|password|passwd|pwd)';

/** A field's value: a JSON string (plain or escaped inside another string), a quoted string, or a bare run. */
const FIELD_VALUE = String.raw`(\\+"(?:(?!\\+").)*\\+"|"(?:[^"\\]|\\.)*"|'[^']*'|[^\s"'\\&,;}<>]+)`;

const SECRET_FIELD_PATTERN = new RegExp(String.raw`(?<![A-Za-z0-9])(${SECRET_FIELD}(?:\\*["'])?\s*[:=]\s*)${FIELD_VALUE}`, 'gi');

function redactValue(value: string): string {
  const quote = /^(\\*["'])/.exec(value)?.[1];
  return quote ? `${quote}${REDACTED}${quote}` : REDACTED;
}

type Rule = [RegExp, string | ((match: string, ...groups: string[]) => string)];

const rules: Rule[] = [
  // Authorization headers (any scheme, one or two words) and bearer tokens anywhere, in any case.
  [/(authorization(?:\\*["'])?\s*[:=]\s*(?:\\*["'])?)([^"',\s}\\]+(\s+[^"',\s}\\]+)?)/gi, `$1${REDACTED}`],
  [/\bbearer\s+(?!\[redacted\])[A-Za-z0-9\-._~+/]+=*/gi, `Bearer ${REDACTED}`],
  // Cookie and Set-Cookie header values run to the end of the line (or of the JSON string holding them).
  [/((?:set-)?cookie(?:\\*["'])?\s*[:=]\s*(?:\\*["'])?)(?!\s*\[redacted\])[^\r\n"\\]+/gi, `$1${REDACTED}`],
  // JSON Web Tokens (header.payload.signature, base64url).
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, '[redacted-jwt]'],
  // An authorization code in a query string or form body (`"code"` in a Graph error body is an error code, not this).
  [/([?&#]code=)(?!\[redacted\])[^&#\s"'<>\\]+/gi, `$1${REDACTED}`],
  // Named secret fields in JSON, form bodies, query strings and headers.
  [SECRET_FIELD_PATTERN, (_match, field: string, value: string) => `${field}${redactValue(value)}`],
];

export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of rules)
    out = typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  return out;
}
