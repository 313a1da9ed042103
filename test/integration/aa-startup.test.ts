// The first session after start-up, recorded while the rest of the extension (dist/services.js) loads on its own:
// the first keystroke starts it, and it is saved with its document, start and active time as before.
import * as assert from 'node:assert/strict';
import { commands } from 'vscode';
import type { Session } from '../../src/tracking/types';
import { activityFeed, newFile, sleep, typeInto, waitFor } from './helpers';

describe('the first session after start-up', function () {
  this.timeout(60_000);

  it('starts with the first keystroke and is saved with its document, start and active seconds', async () => {
    const api = await activityFeed();
    const uri = await newFile('first-session.txt');
    const typedAt = Date.now();
    await typeInto(uri, 'a');
    // No second keystroke: the first one alone must have started the session.
    const started = await waitFor(
      'the session started by the first keystroke',
      () => (api.tracking.currentSession()?.documentUri === uri.toString() ? api.tracking.currentSession() : undefined),
      15_000,
    );
    assert.ok(started.startedAt >= typedAt - 1_000 && started.startedAt <= Date.now(), 'it starts when the typing did');
    for (let i = 0; i < 3; i++) {
      await sleep(1_000);
      await typeInto(uri, 'b');
    }
    const finished = new Promise<Session>((resolve) => {
      const subscription = api.tracking.onDidFinishSession((session) => {
        if (session.id !== started.id) return;
        subscription.dispose();
        resolve(session);
      });
    });
    await commands.executeCommand('activityFeed.pauseTracking');
    try {
      const session = await Promise.race([finished, sleep(15_000).then(() => assert.fail('pausing did not finish the session'))]);
      assert.equal(session.documentUri, uri.toString());
      assert.equal(session.startedAt, started.startedAt);
      // Three seconds of typing; a loaded machine stretches them, never beyond the time since the first keystroke.
      const elapsedSeconds = (Date.now() - typedAt) / 1000;
      assert.ok(
        session.activeSeconds >= 2 && session.activeSeconds <= elapsedSeconds,
        `active ${session.activeSeconds} s of ${elapsedSeconds.toFixed(1)} s since the first keystroke`,
      );
      const saved = api.tracking.pendingSessions().find((pending) => pending.id === session.id);
      assert.ok(saved, 'the finished session waits in the outbox');
      assert.deepEqual(
        [saved.documentUri, saved.startedAt, saved.activeSeconds],
        [uri.toString(), session.startedAt, session.activeSeconds],
      );
    } finally {
      await commands.executeCommand('activityFeed.resumeTracking');
    }
  });
});
