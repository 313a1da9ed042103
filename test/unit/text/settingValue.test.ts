import * as assert from 'node:assert/strict';
import { QUOTED_VALUE_LENGTH, quoteSettingValue } from '../../../src/text/settingValue';

describe('quoteSettingValue: a setting value as a problem message quotes it', () => {
  it('quotes a short value whole, as JSON', () => {
    assert.equal(quoteSettingValue('blue'), '"blue"');
    assert.equal(quoteSettingValue(42), '42');
    assert.equal(quoteSettingValue(null), 'null');
    assert.equal(quoteSettingValue({ a: 1 }), '{"a":1}');
    assert.equal(quoteSettingValue('a'.repeat(QUOTED_VALUE_LENGTH)), `"${'a'.repeat(QUOTED_VALUE_LENGTH)}"`);
  });

  it('quotes a 20 KB text as its first 60 characters, `…` and its length', () => {
    assert.equal(quoteSettingValue('a'.repeat(20_480)), `"${'a'.repeat(60)}…" (20,480 characters)`);
  });

  it('cuts a long object or list the same way', () => {
    const quoted = quoteSettingValue(Array.from({ length: 5000 }, (_, i) => i));
    assert.match(quoted, /^\[0,1,2,[\d,]+… \([\d,]+ characters\)$/);
    assert.ok(quoted.length < 100);
  });

  it('never cuts a surrogate pair in half', () => {
    const quoted = quoteSettingValue(`${'a'.repeat(59)}${'😀'.repeat(100)}`);
    assert.equal(quoted, `"${'a'.repeat(59)}…" (259 characters)`);
  });

  it('keeps an escaped prefix bounded: control characters cost at most six characters each', () => {
    const quoted = quoteSettingValue('\u0001'.repeat(20_000));
    assert.ok(quoted.length <= 60 * 6 + 40, `${quoted.length} characters`);
  });
});
