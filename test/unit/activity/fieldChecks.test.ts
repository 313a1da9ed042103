import * as assert from 'node:assert/strict';
import { isHexColor } from '../../../src/activity/color';
import { languageDisplayName } from '../../../src/activity/languageName';
import { isIanaTimezone, resolveTimezone } from '../../../src/activity/timezone';

describe('activity field checks', () => {
  it('accepts #RGB and #RRGGBB only', () => {
    for (const ok of ['#fff', '#FF0000', '#1f3B57']) assert.ok(isHexColor(ok), ok);
    for (const bad of ['fff', '#ffff', '#gg0000', 'red', '#ff0000ff', '']) assert.ok(!isHexColor(bad), bad);
  });

  it('accepts IANA time zone ids and refuses offsets and garbage', () => {
    for (const ok of ['Europe/Lisbon', 'Africa/Casablanca', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+2'])
      assert.ok(isIanaTimezone(ok), ok);
    for (const bad of ['+02:00', 'GMT+2', 'Mars/Olympus', 'Europe/', '', 'a'.repeat(100)]) assert.ok(!isIanaTimezone(bad), bad);
  });

  it('resolves the given zone, omits an invalid one, and defaults to the runtime zone', () => {
    assert.equal(resolveTimezone('Asia/Tokyo'), 'Asia/Tokyo');
    assert.equal(resolveTimezone('+09:00'), undefined);
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    assert.equal(resolveTimezone(), isIanaTimezone(own) ? own : undefined);
  });

  it('names languages readably', () => {
    assert.equal(languageDisplayName('typescript'), 'TypeScript');
    assert.equal(languageDisplayName('csharp'), 'C#');
    assert.equal(languageDisplayName('prisma'), 'Prisma');
    assert.equal(languageDisplayName(''), 'Plain Text');
  });
});
