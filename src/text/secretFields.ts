// Finds the values of fields named like secrets (`access_token`, `password`, …) wherever an echo may hold them:
// JSON (also escaped inside a string), form bodies, query strings and headers, the URL-encoded and HTML-escaped copies
// of those, HTML attributes (`data-token="…"`, `<input name="refresh_token" value="…">`), and the word form
// `token <value>`. Linear in the text: a field's start is found by a pattern that begins with the name (an attempt
// anywhere else fails at once), its value is read from there by sticky patterns and searches, and scanning goes on
// after the value. Only a search for a closing quote that is not there reads further (see closerOf).

export const REDACTED = '[redacted]';

/**
 * Field names whose value is a secret, in snake_case, camelCase or kebab-case: OAuth (`access_token`,
 * `refresh_token`, `id_token`, `client_secret`, `client_assertion`, `code_verifier`, `device_code`,
 * `client_info`), MSAL's cache (`secret`), a bare `token`, and passwords.
 */
const SECRET_FIELD_NAMES =
  'access[_-]?token|refresh[_-]?token|id[_-]?token|token|client[_-]?secret|client[_-]?assertion|code[_-]?verifier|device[_-]?code|client[_-]?info|secret|password|passwd|pwd';

/** A quote: plain, escaped in a JSON string (`\"`), URL-encoded (`%22`, `%5C%22`, `%2522`), HTML-escaped (`&quot;`). */
const QUOTE = String.raw`\\*["']|(?:%(?:25)?5c)*%(?:25)?2[27]|&(?:quot|apos|#x2[27]|#3[49]);`;

/**
 * A name, then its closing quote and `:` or `=` (plain or URL-encoded), or the spaces of the word form (group 1). No
 * letter or digit runs into the name, unless it ends a URL-encoded character (`%22token`).
 */
const FIELD = new RegExp(
  String.raw`(?<!(?<!%[\da-f])[\da-z])(?:${SECRET_FIELD_NAMES})(?:(?:${QUOTE})?\s*(?:[:=]|%(?:25)?3[ad])\s*|([\t ]+))`,
  'gi',
);
const QUOTE_AT = new RegExp(QUOTE, 'iy');
/** A value without quotes; in URL-encoded text it also ends at an encoded space, quote, `&`, `,`, `;`, `<`, `>`, `\`, `}`. */
const BARE = /[^\s"&',;<>\\}]+/y;
const ENCODED_BARE = /(?:[^\s"%&'+,;<>\\}]|%(?!2[0267c]|3[bce]|5c|7d))+/iy;
/** The rest of a JSON string after its opening quote. */
const JSON_REST = /(?:[^"\\]|\\[\s\S])*"/y;
const LINE_REST = /.*/y;
const RUN_REST = /\S*/y;

/** Where `pattern` (sticky, or global to search) matches from `from` on ends, or -1. */
function endOf(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

const ENTITY_DOUBLE_QUOTE = /&(?:quot|#x22|#34);/gi;
const ENTITY_SINGLE_QUOTE = /&(?:apos|#x27|#39);/gi;
/** Searches for the literal closers (`'`, `\"`, `%22`, `%2522`…), made once each. */
const literalClosers = new Map<string, RegExp>();

/**
 * What ends a value opened by `quote`: the rest of a JSON string, or a search for the matching closing quote. A search
 * that finds none reads to the end of the text, but only once for each kind of quote: any later value opened by the
 * same quote would have been its closer. (For a JSON string too: a value never opens right after a backslash.)
 */
function closerOf(quote: string): RegExp {
  if (quote === '"') return JSON_REST;
  if (quote.startsWith('&')) return /quot|22|34/i.test(quote) ? ENTITY_DOUBLE_QUOTE : ENTITY_SINGLE_QUOTE;
  const token = quote.startsWith('%') ? (/%(?:25)?2[27]$/.exec(quote)?.[0] ?? quote) : quote.slice(quote.length > 1 ? -2 : -1);
  let closer = literalClosers.get(token);
  if (!closer) {
    closer = new RegExp(token.replaceAll('\\', '\\\\'), 'g');
    literalClosers.set(token, closer);
  }
  return closer;
}

interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** A quoted value, to its closing quote or, unclosed, to the end of the line (of the run, when encoded). */
function quotedValue(text: string, start: number): Replacement | undefined {
  const quoteEnd = endOf(QUOTE_AT, text, start);
  if (quoteEnd < 0) return undefined;
  const quote = text.slice(start, quoteEnd);
  const close = endOf(closerOf(quote), text, quoteEnd);
  if (close >= 0) return { start, end: close, text: `${quote}${REDACTED}${quote}` };
  const rest = /^[%&]/.test(quote) ? RUN_REST : LINE_REST;
  return { start, end: endOf(rest, text, quoteEnd), text: `${quote}${REDACTED}` };
}

/** A word after `token ` is taken for a secret when it is long, or mixes letters and digits as a key does. */
function looksLikeSecret(word: string): boolean {
  if (word.startsWith('[redacted')) return false;
  return word.length >= 20 || (word.length >= 6 && /\d/.test(word) && /[a-z]/i.test(word));
}

function fieldValue(text: string, field: RegExpExecArray): Replacement | undefined {
  const start = field.index + field[0].length;
  const wordForm = field[1] !== undefined;
  const quoted = wordForm ? undefined : quotedValue(text, start);
  if (quoted) return quoted;
  const end = endOf(field[0].includes('%') ? ENCODED_BARE : BARE, text, start);
  if (end < 0 || (wordForm && !looksLikeSecret(text.slice(start, end)))) return undefined;
  return { start, end, text: REDACTED };
}

/** Every field named like a secret keeps its name and loses its value. */
export function redactSecretFields(text: string): string {
  const fields = new RegExp(FIELD);
  let out = '';
  let copied = 0;
  for (let field = fields.exec(text); field !== null; field = fields.exec(text)) {
    const value = fieldValue(text, field);
    // Without a value, a shorter name inside this one (`token` in `xaccess_token=`) may still start a field.
    fields.lastIndex = value ? value.end : field.index + 1;
    if (!value) continue;
    out += text.slice(copied, value.start) + value.text;
    copied = value.end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** An HTML tag that names a secret field: `<input name="refresh_token" …>`, `<meta name="csrf-token" …>`. */
const NAMES_SECRET = new RegExp(
  String.raw`(?<![\w-])(?:name|id|key|property)\s*=\s*["']?(?:[\w-]*[_-])??(?:${SECRET_FIELD_NAMES})(?![\w-])`,
  'i',
);
/** The attributes that hold such a field's value. The tag is cut at its first `>`, so a value may be unclosed. */
const VALUE_ATTRIBUTE = /(?<![\w-])((?:value|content)\s*=\s*)(?:"[^"]*"?|'[^']*'?|[^\s"'>]+)/gi;

/** Redacts the value of each HTML tag whose name or id is a secret field's. Each tag is read once, `<` to `>`. */
export function redactSecretAttributes(text: string): string {
  let out = '';
  let copied = 0;
  for (let open = text.indexOf('<'); open >= 0; open = text.indexOf('<', copied)) {
    const close = text.indexOf('>', open);
    if (close < 0) break;
    const tag = text.slice(open, close + 1);
    out += text.slice(copied, open) + (NAMES_SECRET.test(tag) ? tag.replace(VALUE_ATTRIBUTE, `$1"${REDACTED}"`) : tag);
    copied = close + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
