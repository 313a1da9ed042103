// Writes l10n/bundle.l10n.json: every message the code shows (the string-literal first argument of
// `l10n.t(…)`, `localize(…)`, `say(…)`, `sayMarkdown(…)` and `sayLine(…)` in src/**/*.ts), English to itself, as `@vscode/l10n-dev export` would.
//   node scripts/l10n.mjs           write the bundle
//   node scripts/l10n.mjs --check   exit 1 when the bundle is not what the source says
// A message that is not a plain string literal (a template literal, a concatenation, a variable) cannot be
// collected, so the script fails and names the place. A call whose line says `l10n-dynamic` is skipped on purpose.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_PATH = join('l10n', 'bundle.l10n.json');

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? tsFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
    )
    .sort();
}

const ESCAPES = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' };

/** Reads the string literal that opens at `start` (a quote); returns its value and the index after it. */
function readStringLiteral(text, start) {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === quote) return { value, end: i + 1 };
    if (ch === '\n') break;
    if (ch !== '\\') {
      value += ch;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === 'u' && text[i + 2] === '{') {
      const close = text.indexOf('}', i);
      value += String.fromCodePoint(parseInt(text.slice(i + 3, close), 16));
      i = close + 1;
    } else if (next === 'u') {
      value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      i += 6;
    } else if (next === 'x') {
      value += String.fromCharCode(parseInt(text.slice(i + 2, i + 4), 16));
      i += 4;
    } else if (next === '\n') {
      i += 2;
    } else {
      value += ESCAPES[next] ?? next;
      i += 2;
    }
  }
  return undefined;
}

/**
 * The messages of every source file under src/, sorted, and the problems that stop the bundle from being complete
 * (each as `file:line: reason`).
 */
export function collectMessages(root = projectRoot) {
  const messages = new Set();
  const problems = [];
  const call = /(?<![\w$])(?:l10n\.t|localize|say|sayMarkdown|sayLine)\(\s*/g;
  for (const file of tsFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const where = (index) => `${relative(root, file).split('\\').join('/')}:${text.slice(0, index).split('\n').length}`;
    for (const match of text.matchAll(call)) {
      const before = text.slice(Math.max(0, match.index - 9), match.index);
      if (/function\s+$/.test(before)) continue; // the definition of localize itself
      const lineStart = text.lastIndexOf('\n', match.index) + 1;
      const lineEnd = text.indexOf('\n', match.index);
      if (text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).includes('l10n-dynamic')) continue;
      const at = match.index + match[0].length;
      const first = text[at];
      if (first === '`') {
        problems.push(`${where(at)}: a template literal is not allowed as a message; use '…' with {0} placeholders`);
        continue;
      }
      if (first !== "'" && first !== '"') {
        problems.push(`${where(at)}: the message is not a string literal, so it cannot be collected`);
        continue;
      }
      const literal = readStringLiteral(text, at);
      if (!literal) {
        problems.push(`${where(at)}: unterminated string literal`);
        continue;
      }
      const after = text.slice(literal.end).match(/^\s*(.)/)?.[1];
      if (after !== ',' && after !== ')') {
        problems.push(`${where(at)}: the message must be one string literal (no concatenation or expression)`);
        continue;
      }
      messages.add(literal.value);
    }
  }
  return { messages: [...messages].sort(), problems };
}

/** The bundle's text for these messages: each English message mapped to itself. */
export function renderBundle(messages) {
  return `${JSON.stringify(Object.fromEntries(messages.map((m) => [m, m])), null, 2)}\n`;
}

/** Whether the bundle on disk is what the source says; `problems` explain why not. */
export function checkBundle(root = projectRoot) {
  const { messages, problems } = collectMessages(root);
  if (problems.length > 0) return { ok: false, problems, messages };
  let current;
  try {
    current = readFileSync(join(root, BUNDLE_PATH), 'utf8');
  } catch {
    return { ok: false, problems: [`${BUNDLE_PATH} is missing; run npm run l10n`], messages };
  }
  if (current !== renderBundle(messages)) {
    const onDisk = Object.keys(JSON.parse(current));
    const missing = messages.filter((m) => !onDisk.includes(m));
    const extra = onDisk.filter((m) => !messages.includes(m));
    const details = [
      ...missing.map((m) => `missing: ${JSON.stringify(m)}`),
      ...extra.map((m) => `no longer used: ${JSON.stringify(m)}`),
    ];
    return { ok: false, problems: [`${BUNDLE_PATH} is out of date; run npm run l10n`, ...details], messages };
  }
  return { ok: true, problems: [], messages };
}

function main(args) {
  if (args.includes('--check')) {
    const result = checkBundle();
    if (!result.ok) {
      for (const problem of result.problems) console.error(problem);
      process.exit(1);
    }
    console.log(`${BUNDLE_PATH} is up to date (${result.messages.length} messages).`);
    return;
  }
  const { messages, problems } = collectMessages();
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    console.error(`${problems.length} message(s) cannot be collected; ${BUNDLE_PATH} was not written.`);
    process.exit(1);
  }
  mkdirSync(join(projectRoot, 'l10n'), { recursive: true });
  writeFileSync(join(projectRoot, BUNDLE_PATH), renderBundle(messages));
  console.log(`${BUNDLE_PATH}: ${messages.length} messages.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
