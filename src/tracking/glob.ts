// A small glob matcher for exclusion patterns. Pure: no I/O, no editor API.
//
// Supported syntax (paths use '/' separators; backslashes in the path are normalised first):
//   **        any number of whole path segments, including none ("**/x", "a/**", "a/**/b", "**")
//   *         any run of characters within one segment
//   ?         exactly one character within one segment
//   {a,b}     either alternative; alternatives may themselves contain globs and nested braces
//   [abc]     one character from the class; ranges "[a-z]"; negation "[!a]" or "[^a]"
// There is no backslash escaping (backslashes are path separators on Windows); an invalid pattern matches itself.
// A pattern must match the whole path. "*.log" therefore matches only top-level files; use "**/*.log".

const compiledCache = new Map<string, RegExp>();
const CACHE_LIMIT = 512;

export function globToRegExp(pattern: string): RegExp {
  const cached = compiledCache.get(pattern);
  if (cached) return cached;
  const compiled = compileOrLiteral(pattern);
  if (compiledCache.size >= CACHE_LIMIT) compiledCache.clear();
  compiledCache.set(pattern, compiled);
  return compiled;
}

/** A pattern that is not a valid glob (e.g. "[z-a]") matches only itself, literally, rather than throwing. */
function compileOrLiteral(pattern: string): RegExp {
  try {
    return new RegExp(`^${compileSequence(pattern, 0, pattern.length)}$`);
  } catch {
    return new RegExp(`^${escapeRegExp(pattern)}$`);
  }
}

export function matchesGlob(path: string, pattern: string): boolean {
  const trimmed = pattern.trim();
  if (trimmed === '') return false;
  return globToRegExp(trimmed).test(normalisePath(path));
}

export function matchesAnyGlob(path: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return false;
  const normalised = normalisePath(path);
  for (const pattern of patterns) {
    const trimmed = pattern.trim();
    if (trimmed !== '' && globToRegExp(trimmed).test(normalised)) return true;
  }
  return false;
}

export function normalisePath(path: string): string {
  return path.replace(/\\/g, '/');
}

function compileSequence(pattern: string, start: number, end: number): string {
  let out = '';
  let i = start;
  while (i < end) {
    const char = pattern[i];
    if (char === '*') {
      if (pattern[i + 1] === '*' && isSegmentStart(pattern, i, start) && isSegmentEnd(pattern, i + 2, end)) {
        const followedBySlash = pattern[i + 2] === '/';
        // "**/" may match no segment at all; a final "**" matches the rest of the path.
        out += followedBySlash ? '(?:[^/]*/)*' : '.*';
        i += followedBySlash ? 3 : 2;
        continue;
      }
      while (pattern[i] === '*') i++;
      out += '[^/]*';
      continue;
    }
    if (char === '?') {
      out += '[^/]';
      i++;
      continue;
    }
    if (char === '[') {
      const close = findClassEnd(pattern, i, end);
      if (close !== -1) {
        out += compileClass(pattern.slice(i + 1, close));
        i = close + 1;
        continue;
      }
    }
    if (char === '{') {
      const close = findMatchingBrace(pattern, i, end);
      if (close !== -1) {
        const alternatives = splitAlternatives(pattern, i + 1, close).map(([from, to]) => compileSequence(pattern, from, to));
        out += `(?:${alternatives.join('|')})`;
        i = close + 1;
        continue;
      }
    }
    if (char === '/' && pattern.startsWith('**', i + 1) && isPatternEnd(pattern, i + 3, end)) {
      // "a/**" also matches "a" itself, so excluding a folder excludes everything in it.
      out += '(?:/.*)?';
      i += 3;
      continue;
    }
    out += escapeRegExp(char ?? '');
    i++;
  }
  return out;
}

function isSegmentStart(pattern: string, index: number, start: number): boolean {
  return index === start || pattern[index - 1] === '/' || pattern[index - 1] === '{' || pattern[index - 1] === ',';
}

function isSegmentEnd(pattern: string, index: number, end: number): boolean {
  return index >= end || pattern[index] === '/' || pattern[index] === '}' || pattern[index] === ',';
}

function isPatternEnd(pattern: string, index: number, end: number): boolean {
  return index >= end || pattern[index] === '}' || pattern[index] === ',';
}

function findClassEnd(pattern: string, open: number, end: number): number {
  let i = open + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  if (pattern[i] === ']') i++; // a leading ']' is a literal member
  for (; i < end; i++) {
    if (pattern[i] === ']') return i;
    if (pattern[i] === '/') return -1;
  }
  return -1;
}

function compileClass(body: string): string {
  let negated = false;
  let members = body;
  if (members.startsWith('!') || members.startsWith('^')) {
    negated = true;
    members = members.slice(1);
  }
  const escaped = members.replace(/[\\\]^]/g, (c) => `\\${c}`);
  // A class never matches the separator, negated or not.
  return negated ? `[^/${escaped}]` : `(?!/)[${escaped}]`;
}

function findMatchingBrace(pattern: string, open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function splitAlternatives(pattern: string, start: number, end: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const char = pattern[i];
    if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (char === ',' && depth === 0) {
      ranges.push([from, i]);
      from = i + 1;
    }
  }
  ranges.push([from, end]);
  return ranges;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, (c) => `\\${c}`);
}
