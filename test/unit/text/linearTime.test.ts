// The text defences (redaction, inert text) on input built to make a regular expression backtrack: each must stay
// linear in its input and its output must stay inert. A time bound per byte that a linear implementation meets many
// times over on a busy 2-core machine, and that the quadratic patterns these replaced failed by 4× to 20× on the
// reported inputs (and by minutes on 1 MB).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { redact } from '../../../src/text/redact';
import { hasInvisibleCharacters, inertLogLine, inertMarkdown, inertPlain, oneLineVisible } from '../../../src/text/inert';
import { shownText } from '../../../src/text/shownText';
import { HOSTILE_FRAGMENTS, MEGABYTE, hostileInputs, repeatTo } from '../../support/hostileText';

/** Allowed time: a fixed allowance for a pause (GC, another process) plus a cost per input character. */
const FIXED_MS = 50;
const MICROS_PER_CHARACTER = 2;
/** On a machine slowed by other work: at most this many times a plain linear pass over the same text. */
const TIMES_A_LINEAR_PASS = 20;

function allowedMs(length: number): number {
  return FIXED_MS + (length * MICROS_PER_CHARACTER) / 1000;
}

/** A plain linear pass over `text` that builds a new string: what one character costs on this machine now. */
function linearPassMs(text: string): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const copy = text.replace(/[\s\S]/g, (character) => character);
    best = Math.min(best, performance.now() - started);
    if (copy.length !== text.length) throw new Error('the pass changed the text');
  }
  return best;
}

/**
 * The time `fn` takes on `text`, and the time it may take. A run over the allowance is measured twice more and the
 * fastest counts: a pause slows one run, a super-linear pattern slows every run. When even the fastest is over, the
 * machine's speed now decides: a busy machine slows a linear pass over the same text as much, while a super-linear
 * pattern on a long input stays hundreds of times slower than that pass.
 */
function measuredMs(fn: (text: string) => string, text: string): { ms: number; allowed: number; out: string } {
  let best = Infinity;
  let out = '';
  let allowed = allowedMs(text.length);
  for (let run = 0; run < 3 && best > allowed; run++) {
    const started = performance.now();
    out = fn(text);
    best = Math.min(best, performance.now() - started);
  }
  if (best > allowed) allowed = Math.max(allowed, FIXED_MS + TIMES_A_LINEAR_PASS * linearPassMs(text));
  return { ms: best, allowed, out };
}

/** A scheme a link could still be followed by: the name, a colon, and a character that could continue a URI. */
const FOLLOWABLE_SCHEME = /\b(?:command|javascript):[^\s\u2026]/i;
/** Characters a markdown renderer treats as syntax, unescaped. */
const UNESCAPED_SYNTAX = /(?:^|[^\\])(?:\\\\)*[[\]()*_`<>{}!|~:&#$]/;

function assertPlain(out: string, maxLength: number): void {
  assert.ok(out.length <= maxLength, `longer than ${maxLength}`);
  assert.ok(!out.includes(']('), `a live link: ${out.slice(0, 200)}`);
  assert.doesNotMatch(out, FOLLOWABLE_SCHEME);
  assert.equal(hasInvisibleCharacters(out), false, 'one line, nothing invisible');
  assert.doesNotMatch(out, /<[a-z][\w+.-]*:[^<>]*>/i, 'no <scheme:…> autolink');
}

/** Each function measured, with what its output must be. */
const defences: [string, (text: string) => string, (out: string) => void][] = [
  ['shownText', (text) => shownText(text), (out) => assertPlain(out, 500)],
  ['inertPlain', (text) => inertPlain(text), (out) => assertPlain(out, 500)],
  [
    'inertMarkdown',
    (text) => inertMarkdown(text, 2_000),
    (out) => {
      assert.ok(out.length <= 2_000);
      assert.doesNotMatch(out, UNESCAPED_SYNTAX);
      assert.equal(hasInvisibleCharacters(out), false);
    },
  ],
  [
    'inertMarkdown (uncapped)',
    (text) => inertMarkdown(text),
    (out) => {
      assert.doesNotMatch(out, UNESCAPED_SYNTAX);
      assert.equal(hasInvisibleCharacters(out), false);
    },
  ],
  ['inertLogLine', (text) => inertLogLine(text), (out) => assert.equal(hasInvisibleCharacters(out), false)],
  ['oneLineVisible', (text) => oneLineVisible(text), (out) => assert.equal(hasInvisibleCharacters(out), false)],
  // What a log line gets: redacted, then made one visible line.
  ['redact', (text) => inertLogLine(redact(text)), (out) => assert.equal(hasInvisibleCharacters(out), false)],
];

function assertLinearAndInert(text: string): void {
  for (const [name, fn, check] of defences) {
    const { ms, allowed, out } = measuredMs(fn, text);
    assert.ok(ms <= allowed, `${name}: ${ms.toFixed(0)} ms for ${text.length} characters (allowed ${allowed.toFixed(0)} ms)`);
    check(out);
  }
}

describe('text defences: linear time, inert output', function () {
  this.timeout(120_000);

  describe('the reported inputs', () => {
    const reported: [string, string][] = [
      ['a 20 KB setting value: token=\\" and backslashes', `token=\\"${'\\'.repeat(20 * 1024 - 8)}`],
      ['60,000 [', '['.repeat(60_000)],
      ['an 80 KB Graph error body', `{"error":{"code":"BadRequest","message":"${'['.repeat(80_000)}"}}`],
      ['an 80 KB Graph error body echoing token=\\"', `{"error":{"message":"token=\\"${'\\'.repeat(80_000)}x"}}`],
    ];
    for (const [name, text] of reported) {
      it(name, () => {
        for (const [fnName, fn] of [
          ['shownText', shownText],
          ['redact', redact],
          ['inertPlain', inertPlain],
        ] as const) {
          const { ms } = measuredMs((t) => fn(t), text);
          assert.ok(ms <= allowedMs(text.length), `${fnName}: ${ms.toFixed(0)} ms for ${text.length} characters`);
        }
        assertLinearAndInert(text);
      });
    }
  });

  describe('1 MB of each hostile family', () => {
    for (const [name, text] of hostileInputs(MEGABYTE)) {
      it(name, () => assertLinearAndInert(text));
    }
  });

  it('hostile strings up to 1 MB (property)', () => {
    // A text is a few fragments, each repeated up to 64 Ki times: runs of one construct are what backtracking needs.
    const hostile = fc
      .array(fc.tuple(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.integer({ min: 1, max: 65_536 })), {
        minLength: 1,
        maxLength: 6,
      })
      .map((runs) => runs.map(([fragment, times]) => fragment.repeat(times)).join(''))
      .map((text) => text.slice(0, MEGABYTE));
    fc.assert(fc.property(hostile, assertLinearAndInert), { numRuns: 25 });
  });

  it('mixed fragments, each once, in any order (property)', () => {
    const mixed = fc.array(fc.constantFrom(...HOSTILE_FRAGMENTS), { maxLength: 200 }).map((parts) => parts.join(''));
    fc.assert(fc.property(mixed, assertLinearAndInert), { numRuns: 300 });
  });

  it('repeatTo makes inputs of exactly the asked length', () => {
    assert.equal(repeatTo('abc', 7), 'abcabca');
  });
});
