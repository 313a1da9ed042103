// Text built to make the text defences (redaction, inert text) backtrack: each family repeats the prefix of a
// pattern that used to read to the end of the input from every position. Shared by the linear-time unit tests and
// `npm run bench`.

/** Fragments a hostile text is made of: link and scheme syntax, escapes, quotes, encoded secret fields, invisibles. */
export const HOSTILE_FRAGMENTS = [
  '[',
  ']',
  '](',
  '(',
  ')',
  '[label](command:workbench.action.quit)',
  '[x](javascript:alert(1))',
  'command:',
  'javascript:',
  '<command:x',
  '<',
  '>',
  '\\',
  '\\"',
  '"',
  "'",
  'token=\\"',
  'token: "',
  'password=',
  'refresh_token',
  '%22refresh_token%22%3A%22',
  'refresh_token%3D',
  '&quot;access_token&quot;:&quot;',
  '<input name="refresh_token" value="',
  'data-token=',
  'token ',
  'Bearer ',
  'Cookie: ',
  'authorization: ',
  'eyJhbGciOi.',
  '?code=',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\u2028',
  '\u202E',
  '\u2066',
  '\u200B',
  '\u0000',
  '\u0007',
  '\u001B',
  '\u009B',
  '\uFEFF',
  '\uD800',
  '*_`{}|~&:#$!',
  'abc123',
];

export const MEGABYTE = 1024 * 1024;

/** `unit` repeated to `length` characters. */
export function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** The reported shapes and their relatives, each `length` characters long. */
export function hostileInputs(length: number): [string, string][] {
  return [
    ['run of [', repeatTo('[', length)],
    ['token=\\" then backslashes', `token=\\"${repeatTo('\\', length - 8)}`],
    ['Graph error body echoing token=\\"', `{"error":{"message":"${repeatTo('token=\\"\\\\x', length - 40)}"}}`],
    ['links and schemes', repeatTo('[a](command:x[](javascript:<vscode:', length)],
    ['quotes and backslashes', repeatTo('\\"\'\\\\"', length)],
    ['encoded secret fields', repeatTo('%22refresh_token%22%3A%22&quot;token&quot;:&quot;password=\\', length)],
    ['invisibles and line breaks', repeatTo('a\u202E\u200B\n\u0000\u2066 \t', length)],
    ['unclosed tags', repeatTo('<input name="token" value="x ', length)],
  ];
}
