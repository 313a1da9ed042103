// Lone UTF-16 surrogates cannot be encoded as UTF-8, so they are replaced with U+FFFD before a string is
// percent-encoded, truncated or sent. Node 20's String.prototype.toWellFormed is not in the ES2022 lib.

const REPLACEMENT_CHARACTER = '\uFFFD';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function toWellFormed(text: string): string {
  return text.replace(new RegExp(LONE_SURROGATE, 'g'), REPLACEMENT_CHARACTER);
}

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}
