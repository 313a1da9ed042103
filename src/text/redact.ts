// Removes anything secret-like from text before it reaches any sink: the log, the outbox (`lastError`), a
// notification, a report. Two nets:
//   the secrets in use   each token the extension obtained, in every form an echo may carry it (raw, URL- and
//                        form-encoded, JSON- and HTML-escaped, base64), found by plain substring search
//   their shapes         headers (Authorization, Cookie, Set-Cookie), bearer tokens, JWTs, authorization codes, and
//                        fields named like secrets in JSON, forms, query strings, URL-encoded or HTML-escaped copies
//                        of those, HTML attributes and `token <value>` prose (see text/secretFields.ts)
// Linear in the text: at most REDACT_LIMIT characters are read (the rest is cut, and said so); the secrets in use are
// found by substring search; each pattern below starts with a literal and has no two quantifiers that can trade
// characters (eslint-plugin-regexp checks it); the field scanner reads each stretch a bounded number of times.
// Idempotent: redacting twice gives the same text, for text within the limit.
import { REDACTED, redactSecretAttributes, redactSecretFields } from './secretFields';
import { prefixOf } from './clip';
import { toWellFormed } from './wellFormed';

/** The most characters `redact` reads: far more than any message needs, few enough to scan in milliseconds. */
export const REDACT_LIMIT = 65_536;

/** Secrets shorter than this are not searched for: they would match ordinary text. */
const MIN_SECRET_LENGTH = 8;
/** Access tokens are renewed hourly; the oldest remembered ones are forgotten first. */
const MAX_REMEMBERED = 16;

/** The secrets in use, oldest first, each with the forms an echo may carry it in (longest first). */
export type SecretRegistry = Map<string, readonly string[]>;

/**
 * Each bundle in dist/ has its own copy of this module (tokens are obtained in the services and identity bundles,
 * the log writes from the activation bundle). Activation's registry is the one: every bundle loaded later adopts it
 * (src/platform/lazyBundles.ts). It stays in module scope, out of reach of other extensions in the same host.
 */
let registry: SecretRegistry = new Map();

function remembered(): SecretRegistry {
  return registry;
}

/** The registry this copy of the module uses: for the loader to hand to the bundles it loads. */
export function secretRegistry(): SecretRegistry {
  return registry;
}

/** Makes this copy of the module use the given registry (the activation bundle's), keeping what it knew. */
export function adoptSecretRegistry(shared: SecretRegistry): void {
  if (shared === registry) return;
  for (const [secret, forms] of registry) if (!shared.has(secret)) shared.set(secret, forms);
  registry = shared;
}

function htmlEscaped(text: string, slash: string, apostrophe: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", apostrophe)
    .replaceAll('/', slash);
}

function lowerHex(percentEncoded: string): string {
  return percentEncoded.replace(/%[\dA-F]{2}/g, (escape) => escape.toLowerCase());
}

/**
 * Base64 of the secret at each of the three alignments it can have inside a longer encoded text (a Basic
 * credential, a state blob): only whole 3-byte groups, which encode the same wherever the secret sits.
 */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [0, 1, 2].flatMap((skip) => {
    const whole = bytes.subarray(skip, skip + Math.floor((bytes.length - skip) / 3) * 3);
    return [whole.toString('base64'), whole.toString('base64url')];
  });
}

function echoForms(secret: string): readonly string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const uri = encodeURIComponent(secret);
  const form = new URLSearchParams([['', secret]]).toString().slice(1);
  const forms = [
    secret,
    uri,
    lowerHex(uri),
    form,
    lowerHex(form),
    json,
    json.replaceAll('/', '\\/'),
    JSON.stringify(json).slice(1, -1),
    htmlEscaped(secret, '&#x2F;', '&#x27;'),
    htmlEscaped(secret, '&#x2f;', '&#x27;'),
    htmlEscaped(secret, '&#47;', '&#39;'),
    htmlEscaped(secret, '/', '&#39;'),
    ...base64Forms(secret),
  ];
  return [...new Set(forms)].filter((f) => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/** Remembers a secret in use (a token as it is obtained), so `redact` removes any echo of it. */
export function rememberSecret(value: string): void {
  if (value.length < MIN_SECRET_LENGTH) return;
  const secret = toWellFormed(value);
  const registry = remembered();
  const forms = registry.get(secret) ?? echoForms(secret);
  registry.delete(secret);
  registry.set(secret, forms);
  if (registry.size > MAX_REMEMBERED) registry.delete(registry.keys().next().value as string);
}

export function forgetSecret(value: string): void {
  remembered().delete(toWellFormed(value));
}

/** Remembers every string under a `secret` key of a JSON document: how MSAL's token cache holds its tokens. */
export function rememberSecretsIn(json: string): void {
  try {
    JSON.parse(json, (key, value: unknown) => {
      if (key === 'secret' && typeof value === 'string') rememberSecret(value);
      return value;
    });
  } catch {
    // Not JSON: nothing to remember.
  }
}

function withoutRemembered(text: string): string {
  let out = text;
  for (const forms of remembered().values()) {
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
  }
  return out;
}

type Rule = [RegExp, string];

const rules: Rule[] = [
  // Authorization headers (any scheme, one or two words) and bearer tokens anywhere, in any case.
  [/(authorization(?:\\*["'])?\s*[:=]\s*(?:\\*["'])?)(?!\[redacted\])[^\s"',\\}]+(?:\s+[^\s"',\\}]+)?/gi, `$1${REDACTED}`],
  [/\bbearer(?:\s+|%20|\+)[\w\-.~+/]+=*/gi, `Bearer ${REDACTED}`],
  // Cookie and Set-Cookie header values run to the end of the line (or of the JSON string holding them).
  [/((?:set-)?cookie(?:\\*["'])?\s*[:=]\s*(?:\\*["'])?)(?!\[redacted\])[^\s"\\][^\n\r"\\]*/gi, `$1${REDACTED}`],
  // JSON Web Tokens (header.payload.signature, base64url).
  [/\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g, '[redacted-jwt]'],
  // An authorization code in a query string or form body (`"code"` in a Graph error body is an error code, not this).
  [/([?&#]code=)(?!\[redacted\])[^\s"#&'<>\\]+/gi, `$1${REDACTED}`],
];

/** Characters no token holds, in any of its encoded forms: a cut just after one leaves no token in half. */
const WORD_BREAK = new Set(' \t\n\r\f\v\u00a0\u2028\u2029"\'()<>[]{}|,');

/**
 * Where to cut a text longer than `limit`: before the run of non-space characters the limit falls in, so no
 * secret is left half there (a half token would no longer match its shape, or the remembered secret).
 */
function cutPoint(text: string, limit: number): number {
  let at = prefixOf(text, limit).length;
  while (at > 0 && !WORD_BREAK.has(text[at - 1] ?? ' ')) at--;
  return at;
}

export function redact(text: string, limit = REDACT_LIMIT): string {
  const cut = text.length > limit ? cutPoint(text, limit) : text.length;
  let out = withoutRemembered(text.slice(0, cut));
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
  out = redactSecretAttributes(redactSecretFields(out));
  return cut < text.length ? `${out}\u2026[${text.length - cut} characters cut]` : out;
}
