// The glob engine, in its own lazily loaded bundle (dist/matcher.js): picomatch reads the pattern in the syntax of
// `files.exclude`, and RE2JS runs the result. RE2 matches in time linear in the path, whatever the pattern, so no
// pattern a repository writes can make the extension host backtrack for seconds (picomatch's own RegExp can).
import picomatch from 'picomatch/posix';
import { RE2JS } from 're2js';

/**
 * picomatch guards against `.` and `..` segments and against `*` matching nothing at the end of the input with
 * lookaheads, which RE2 has no syntax for. The paths matched here never hold such segments, an empty segment or a
 * trailing `/` (see normalisePath in glob.ts), so there these lookaheads always hold and are dropped.
 */
const ALWAYS_TRUE_LOOKAHEADS = /\(\?!(?:\(\?:\^\|\\\/\))?\\\.\{1,2\}\(\?:\\\/\|\$\)\)|\(\?=\.\)/g;

const OPTIONS: picomatch.PicomatchOptions = {
  dot: true, // `*` and `**` match names that start with a dot, as in files.exclude
  noextglob: true, // `+(a|b)` and friends are not files.exclude syntax
  nonegate: true, // a leading `!` is a literal character
  posix: true, // `[!a-z]` negates a class
};

export type PathMatcher = (path: string) => boolean;

/** Compiles one glob (already in picomatch syntax). Throws when the pattern is not a valid glob. */
export function compileGlob(pattern: string): PathMatcher {
  const source = picomatch.makeRe(pattern, OPTIONS).source.replace(ALWAYS_TRUE_LOOKAHEADS, '');
  // picomatch's answer for a pattern it cannot read ("[z-a]", "{a,b"): a RegExp that matches nothing.
  if (source === '$^') throw new Error(`not a valid glob: ${pattern}`);
  if (source.includes('(?=') || source.includes('(?!') || source.includes('(?<')) {
    throw new Error(`the pattern needs a look-around the linear-time matcher does not support: ${pattern}`);
  }
  const compiled = RE2JS.compile(source);
  return (path) => compiled.matches(path);
}

/** The first match of an RE2 pattern in a text, or undefined. */
export type FirstMatch = (text: string) => string | undefined;

/**
 * Compiles a pattern in RE2 syntax as it is (the timesheet's ticket keys), for the same linear-time engine.
 * Throws RE2's own error for a pattern it cannot read; `matchesEmpty` says whether it matches the empty text.
 */
export function compileFirstMatch(source: string): { find: FirstMatch; matchesEmpty: boolean } {
  const compiled = RE2JS.compile(source);
  return {
    find: (text) => {
      const matcher = compiled.matcher(text);
      return matcher.find() ? (matcher.group(0) ?? undefined) : undefined;
    },
    matchesEmpty: compiled.matches(''),
  };
}
