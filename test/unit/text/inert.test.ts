import * as assert from 'node:assert/strict';
import { hasInvisibleCharacters, inertLogLine, inertMarkdown, inertPlain } from '../../../src/text/inert';

/** The links the workbench renders in a notification: `[label](target)` (vs/base/common/linkedText). */
const NOTIFICATION_LINK = /\[[^\]]*\]\([^)]*\)/;
/** Characters a markdown renderer treats as syntax, unescaped. */
const UNESCAPED_SYNTAX = /(^|[^\\])(\\\\)*[[\]()*_`<>{}!|~]/;

const tricks = [
  '[Open Settings](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20x%7Csh%5Cn%22%7D)',
  'vscode://publisher.ext/[label](command:workbench.action.openSettings)',
  '[Verify your account](javascript:alert(1)).md',
  '**URGENT**.ts',
  'invoice\u202Egpj.ts',
  'two\nlines.ts',
  'iso\u2066late\u2069\u200E\u200F.ts',
  '<command:workbench.action.quit>',
  '[[nested](https://x)](command:y)',
];

describe('inert text', () => {
  describe('plain (notifications, modals, quick picks)', () => {
    for (const trick of tricks) {
      it(`shows ${JSON.stringify(trick)} without a link, a second line or an invisible character`, () => {
        const out = inertPlain(trick);
        assert.doesNotMatch(out, NOTIFICATION_LINK);
        assert.doesNotMatch(out, /(command|javascript):\S/i, 'no followable scheme');
        assert.equal(hasInvisibleCharacters(out), false);
        assert.doesNotMatch(out, /<[a-z]+:/i);
      });
    }

    it('keeps the words readable', () => {
      assert.equal(inertPlain('[Verify your account](javascript:alert(1)).md'), 'Verify your account (javascript: alert(1)).md');
      assert.equal(inertPlain('src/app/main.ts'), 'src/app/main.ts');
    });

    it('caps the length', () => {
      assert.equal(inertPlain('x'.repeat(2000)).length, 500);
      assert.equal(inertPlain('abcdef', 4), 'abc\u2026');
    });
  });

  describe('markdown (tooltips, Adaptive Card text)', () => {
    for (const trick of [
      ...tricks,
      '{{DATE(2026-01-01T00:00:00Z,SHORT)}}',
      '$(alert) icon',
      '# heading',
      '- item',
      '1. item',
      '&#x202E; entity',
    ]) {
      it(`escapes ${JSON.stringify(trick)} so it shows literally`, () => {
        const out = inertMarkdown(trick);
        assert.doesNotMatch(out, UNESCAPED_SYNTAX);
        assert.doesNotMatch(out, /\{\{/);
        assert.equal(hasInvisibleCharacters(out), false);
        assert.doesNotMatch(out, /^(#|-|\+|\d+\.)/);
        assert.doesNotMatch(out, /(^|[^\\])[$&]/);
      });
    }

    it('reads back as the same characters once the escapes are removed', () => {
      const name = '[Verify](javascript:alert(1)) **URGENT** {{x}}.md';
      assert.equal(inertMarkdown(name).replace(/\\(.)/g, '$1'), name);
    });

    it('never ends a cut text in half an escape', () => {
      const out = inertMarkdown('ab**cd', 4);
      assert.equal(out, 'ab\u2026');
      assert.equal(inertMarkdown('a\\\\b', 4), 'a\\\\\u2026');
    });
  });

  describe('log line', () => {
    it('keeps one line and shows invisible characters', () => {
      assert.equal(inertLogLine('a\nINFO forged line\r\nb'), 'a\\nINFO forged line\\nb');
      assert.equal(inertLogLine('x\u202Ey'), 'x\\u{202e}y');
      assert.equal(inertLogLine('bell\u0007'), 'bell\\u{0007}');
      assert.equal(hasInvisibleCharacters(inertLogLine('a\u2028b\u2066c')), false);
    });
  });
});
