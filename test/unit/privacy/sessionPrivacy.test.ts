// The one place a session's level is decided: once when it is first recorded, never looser when it goes out.
import * as assert from 'node:assert/strict';
import type { PrivacyLevel } from '../../../src/privacy/disclosure';
import { SessionPrivacy } from '../../../src/privacy/sessionPrivacy';
import { makeSession } from '../../support/sessions';

describe('session privacy', () => {
  let levelNow: PrivacyLevel;
  let asked: number;
  const privacy = () =>
    new SessionPrivacy(() => {
      asked++;
      return levelNow;
    });
  beforeEach(() => {
    levelNow = 'full';
    asked = 0;
  });

  it("keeps the level a running session was first recorded at for all its checkpoints, even after the document's level loosens", () => {
    const decider = privacy();
    levelNow = 'fileNameOnly';
    const first = decider.recorded(makeSession({ id: 'a', state: 'ongoing', privacy: undefined }));
    levelNow = 'full';
    const checkpoint = decider.recorded(makeSession({ id: 'a', state: 'ongoing', privacy: undefined }));
    const last = decider.recorded(makeSession({ id: 'a', state: 'ended', privacy: undefined }));
    assert.deepEqual([first.privacy, checkpoint.privacy, last.privacy], ['fileNameOnly', 'fileNameOnly', 'fileNameOnly']);
    assert.equal(asked, 1, 'the level in force is asked for once per session');
    assert.equal(
      decider.recorded(makeSession({ id: 'a', state: 'ended', privacy: undefined })).privacy,
      'full',
      'an ended session is forgotten',
    );
  });

  it('publishes at the stricter of the recorded levels and the level the document has now', () => {
    const decider = privacy();
    levelNow = 'private';
    assert.equal(decider.publishLevel('file:///a.ts', [{ privacy: 'full' }]), 'private', 'tightened since: obeyed');
    levelNow = 'full';
    assert.equal(decider.publishLevel('file:///a.ts', [{ privacy: 'noRepository' }, { privacy: 'full' }]), 'noRepository');
    assert.equal(decider.publishLevel('file:///a.ts', [{}]), 'private', 'a session without a recorded level goes out private');
  });

  it('previews the running session at the level it would be recorded at, without recording it', () => {
    const decider = privacy();
    levelNow = 'noRepository';
    assert.equal(decider.levelOf(makeSession({ id: 'b', privacy: undefined })), 'noRepository');
    levelNow = 'full';
    assert.equal(decider.recorded(makeSession({ id: 'b', state: 'ongoing', privacy: undefined })).privacy, 'full');
  });
});
