// Exclusion patterns: the syntax of `files.exclude`, matched by a well-kept engine (picomatch to read the pattern,
// RE2JS to run it in linear time; see globEngine.ts), with caps on what a settings file may ask of it. Pure.
//
//   **        any number of whole path segments, including none ("**/x", "a/**", "a/**/b", "**")
//   *         any run of characters within one segment (names starting with a dot included)
//   ?         exactly one character within one segment
//   {a,b}     either alternative; alternatives may hold globs and nested braces
//   [abc]     one character from the class; ranges "[a-z]"; negation "[!a]" or "[^a]"
// Every other character stands for itself: "file (1).ts" and "a+b.ts" match those names. A backslash is a path
// separator (Windows), never an escape. A pattern must match the whole path, so "*.log" matches only top-level
// files; use "**/*.log".
import { join } from 'node:path';
import type { FirstMatch, PathMatcher } from './globEngine';

/**
 * Longest pattern accepted; longer ones are ignored with a warning. Real exclusion patterns are far shorter, and the
 * one-time cost of compiling a list grows with its patterns' length (100 adversarial patterns: about 0.4 s at 128).
 */
export const MAX_PATTERN_LENGTH = 128;
/** Most patterns taken from one settings scope (user, workspace, folder); the rest are ignored with a warning. */
export const MAX_PATTERNS_PER_SCOPE = 100;

type Engine = typeof import('./globEngine');
let engine: Engine | undefined;

/** Loads the engine the first time a pattern is compiled: the extension's own lazy bundle, or the source in tests. */
function loadEngine(): Engine {
  if (engine) return engine;
  for (const candidate of ['matcher.js', 'globEngine']) {
    try {
      // A computed path keeps esbuild from inlining the engine into the main bundle.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      engine = require(join(__dirname, candidate)) as Engine;
      return engine;
    } catch (error) {
      if (!isModuleNotFound(error)) throw error;
    }
  }
  throw new Error('Activity Feed: the glob matcher (dist/matcher.js) is missing from the installation.');
}

function isModuleNotFound(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND';
}

const compiledCache = new Map<string, PathMatcher>();
const CACHE_LIMIT = 512;

/** Why a pattern cannot be used as written, or undefined when it can. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH} characters`;
  return undefined;
}

/** The matcher of one pattern; a pattern that is not a valid glob (e.g. "[z-a]") matches only itself, literally. */
function matcherOf(pattern: string): PathMatcher {
  const cached = compiledCache.get(pattern);
  if (cached) return cached;
  let compiled: PathMatcher;
  try {
    compiled = loadEngine().compileGlob(toEngineSyntax(pattern));
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Activity Feed:')) throw error;
    compiled = (candidate) => candidate === normalisePath(pattern);
  }
  if (compiledCache.size >= CACHE_LIMIT) compiledCache.clear();
  compiledCache.set(pattern, compiled);
  return compiled;
}

export function matchesGlob(path: string, pattern: string): boolean {
  const trimmed = pattern.trim();
  if (trimmed === '' || patternProblem(trimmed)) return false;
  return matcherOf(trimmed)(normalisePath(path));
}

export function matchesAnyGlob(path: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return false;
  const normalised = normalisePath(path);
  for (const pattern of patterns) {
    const trimmed = pattern.trim();
    if (trimmed !== '' && !patternProblem(trimmed) && matcherOf(trimmed)(normalised)) return true;
  }
  return false;
}

/** '/' separators, no empty, "." or ".." segments and no trailing '/': the form the engine relies on. */
export function normalisePath(value: string): string {
  const slashed = value.replace(/\\/g, '/');
  const absolute = slashed.startsWith('/');
  const segments: string[] = [];
  for (const segment of slashed.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return (absolute ? '/' : '') + segments.join('/');
}

/** Characters that picomatch reads as syntax but files.exclude reads literally. */
const LITERAL_IN_FILES_EXCLUDE = new Set(['(', ')', '|', '+', '@', '!', '$', '^']);

/** Backslashes become separators; characters that are literal in files.exclude are escaped outside classes. */
export function toEngineSyntax(pattern: string): string {
  let out = '';
  let inClass = false;
  for (const char of pattern.replace(/\\/g, '/')) {
    if (inClass) {
      if (char === ']' && !out.endsWith('[') && !out.endsWith('[!') && !out.endsWith('[^')) inClass = false;
      out += char;
    } else if (char === '[') {
      inClass = true;
      out += char;
    } else {
      out += LITERAL_IN_FILES_EXCLUDE.has(char) ? `\\${char}` : char;
    }
  }
  return out;
}

/**
 * An RE2 pattern for other settings that hold one (the timesheet's ticket pattern), run by the same lazily loaded
 * engine as the globs, so the pattern engine ships once. Throws RE2's error for a pattern it cannot read.
 */
export function compileRe2(source: string): { find: FirstMatch; matchesEmpty: boolean } {
  return loadEngine().compileFirstMatch(source);
}
