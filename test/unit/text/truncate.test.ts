import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ELLIPSIS, truncateText } from '../../../src/text/truncate';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('activity/truncate', () => {
  it('leaves short text alone', () => {
    assert.equal(truncateText('hello', 5), 'hello');
  });

  it('cuts long text and adds an ellipsis within the limit', () => {
    assert.equal(truncateText('abcdefghij', 5), `abcd${ELLIPSIS}`);
  });

  it('never splits a surrogate pair', () => {
    const out = truncateText('ab😀😀😀', 4);
    assert.equal(out, `ab${ELLIPSIS}`);
  });

  it('never splits a grapheme cluster (family emoji, flag, combining accent)', () => {
    const family = '👨‍👩‍👧';
    assert.equal(truncateText(`x${family}yyyyyyyyyy`, 6), `x${ELLIPSIS}`);
    assert.equal(truncateText('🇵🇹🇵🇹🇵🇹', 5), `🇵🇹${ELLIPSIS}`);
    assert.equal(truncateText('e\u0301e\u0301e\u0301', 4), `e\u0301${ELLIPSIS}`);
  });

  it('replaces lone surrogates', () => {
    assert.equal(truncateText('a\uD800', 10), 'a\uFFFD');
  });

  it('always returns well-formed text within the limit (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.integer({ min: 1, max: 40 }), (text, max) => {
        const out = truncateText(text, max);
        assert.ok(out.length <= max, out);
        assert.ok(!loneSurrogate.test(out));
      }),
    );
  });
});
