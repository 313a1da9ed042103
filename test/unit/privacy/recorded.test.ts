// Another window (a repository at "full") published the shared outbox and mapped sessions recorded under "private"
// with its own settings: they went out at "full". The level is now stored with each session when it is recorded.
import * as assert from 'node:assert/strict';
import { buildActivityPayloads } from '../../../src/activity/payloads';
import { type MappingOptions } from '../../../src/activity/types';
import { LEVEL_OF_UNRECORDED, publishLevel, RecordedLevels } from '../../../src/privacy/recorded';
import { parseSession } from '../../../src/tracking/sessionSchema';
import type { Session } from '../../../src/tracking/types';
import { makeSession } from '../../support/sessions';

const session = (overrides: Partial<Session> = {}): Session =>
  makeSession({
    id: '6f1c2b9e-1d4a-4c3b-9a8e-0b7d2f4e5a61',
    documentUri: 'file:///home/ana/src/shop/src/cart/checkout.ts',
    lastActiveAt: Date.parse('2026-03-14T09:27:30Z'),
    activeSeconds: 1200,
    ...overrides,
  });

describe('recorded privacy level', () => {
  it("maps a session at the stricter of its recorded level and the publishing window's level", () => {
    assert.equal(publishLevel([session({ privacy: 'private' })], 'full'), 'private');
    assert.equal(
      publishLevel([session({ privacy: 'full' })], 'fileNameOnly'),
      'fileNameOnly',
      'a level made stricter since still applies',
    );
    assert.equal(
      publishLevel([session({ privacy: 'full' }), session({ privacy: 'noRepository' })], 'full'),
      'noRepository',
      'one activity, its strictest session',
    );
  });

  it('maps a session stored without a level (an older outbox) at the strictest level', () => {
    assert.equal(LEVEL_OF_UNRECORDED, 'private');
    assert.equal(publishLevel([session()], 'full'), 'private');
  });

  it('the payload of a "private" session published by a "full" window names neither the file nor its path', () => {
    const options: MappingOptions = {
      privacy: publishLevel([session({ privacy: 'private' })], 'full'),
      templates: {},
      activitySourceHost: 'https://activity-feed.github.io',
      backgroundColor: '#1F3B57',
      uriScheme: 'vscode',
      appName: 'Visual Studio Code',
      idKey: 'k'.repeat(64),
      now: Date.parse('2026-03-14T10:00:00Z'),
      extensionId: 'activity-feed.graph-activity-feed',
    };
    const input = {
      documentUri: session().documentUri,
      relativePath: 'src/cart/checkout.ts',
      workspaceFolderName: 'shop',
      languageId: 'typescript',
      sessions: [session({ privacy: 'private' })],
    };
    const body = JSON.stringify(buildActivityPayloads(input, options));
    for (const secret of ['checkout', 'cart', 'shop', '/home/ana'])
      assert.ok(!body.includes(secret), `${secret} left the machine: ${body}`);
  });

  it('fixes the level at the first record of a session; later checkpoints keep it, whatever the level is then', () => {
    const levels = new RecordedLevels();
    let current: 'full' | 'private' = 'private';
    const first = levels.stamp(session({ state: 'ongoing' }), () => current);
    current = 'full';
    const later = levels.stamp(session({ state: 'ongoing', activeSeconds: 1300 }), () => current);
    const last = levels.stamp(session({ state: 'ended', activeSeconds: 1400 }), () => current);
    assert.deepEqual([first.privacy, later.privacy, last.privacy], ['private', 'private', 'private']);
    assert.equal(
      levels.stamp(session({ id: 'c2b7e3a0-5f4d-4e2a-8b1c-9d0e1f2a3b4c' }), () => current).privacy,
      'full',
      'a new session takes the level of its time',
    );
    const previewed = session({ id: '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a', state: 'ongoing' });
    assert.equal(
      levels.levelOf(previewed, () => 'full'),
      'full',
    );
    assert.equal(levels.stamp(previewed, () => 'private').privacy, 'private', 'a preview does not fix the level');
  });

  it("is part of the outbox's session schema: kept when valid, refused when not a level", () => {
    const parsed = parseSession(session({ privacy: 'noRepository' }));
    assert.ok(parsed.ok && parsed.value.privacy === 'noRepository');
    const wrong = parseSession({ ...session(), privacy: 'everything' });
    assert.ok(!wrong.ok);
    assert.match(wrong.reason, /session\.privacy/);
  });
});
