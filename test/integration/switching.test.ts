// Working through files one after another, as a person does: each file is left before the switch grace of the one
// before it is over, with more than the minimum session in each. Every one of them must reach Graph.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';
import type { Session } from '../../src/tracking/types';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import { activityFeed, newFile, publishNow, signInByDeviceCode, sleep, trackerRulesApplied, typeInto } from './helpers';

const GLOBAL = vscode.ConfigurationTarget.Global;
/** The shipped defaults: the case where a file left within the grace of the one before used to vanish. */
const RULES = { switchGraceSeconds: 15, minimumSessionSeconds: 10 };
/** Seconds of typing in each file: the first longer than the grace, the others between the minimum and the grace. */
const STAYS = [16, 12.5, 13.5, 12.5, 13];
const KEYSTROKE_MS = 500;

describe('tracking files worked on one after another', function () {
  this.timeout(180_000);
  let api: ActivityFeedApi;
  const admin = new EmulatorAdminClient();
  const tracking = () => vscode.workspace.getConfiguration('activityFeed.tracking');
  /** The user settings the run started with (the harness shortens the rules), put back afterwards. */
  const startingRules = new Map<string, unknown>();

  before(async () => {
    api = await activityFeed();
    if (api.auth.state.kind !== 'signedIn') await signInByDeviceCode(admin);
    for (const [name, value] of Object.entries(RULES)) {
      startingRules.set(name, tracking().inspect(name)?.globalValue);
      await tracking().update(name, value, GLOBAL);
    }
    await trackerRulesApplied(() => api.tracking.rules);
  });

  after(async () => {
    for (const [name, value] of startingRules) await tracking().update(name, value, GLOBAL);
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('publishes one session for each of five files typed in for 12 to 16 s each', async () => {
    assert.ok(vscode.window.state.focused, 'the editor window must report focus for the tracker to count anything');
    const files: vscode.Uri[] = [];
    for (let i = 1; i <= STAYS.length; i++) files.push(await newFile(`step${i}.ts`, `// step ${i}\n`));
    const finished: Session[] = [];
    const subscription = api.tracking.onDidFinishSession((session) => finished.push(session));
    const leftAt: number[] = [];
    try {
      for (const [i, file] of files.entries()) {
        const enteredAt = Date.now();
        const stayMs = (STAYS[i] ?? 0) * 1000;
        while (Date.now() - enteredAt < stayMs) {
          await typeInto(file, 'x');
          await sleep(Math.min(KEYSTROKE_MS, Math.max(0, enteredAt + stayMs - Date.now())));
        }
        await typeInto(file, ';');
        leftAt.push(Date.now());
      }
      // Pausing ends the last file's session; publishing then sends everything waiting.
      await vscode.commands.executeCommand('activityFeed.pauseTracking');
      await vscode.commands.executeCommand('activityFeed.resumeTracking');
    } finally {
      subscription.dispose();
    }
    for (let i = 1; i < leftAt.length; i++) {
      const gap = (leftAt[i] ?? 0) - (leftAt[i - 1] ?? 0);
      assert.ok(
        gap < RULES.switchGraceSeconds * 1000,
        `file ${i + 1} was left ${gap} ms after file ${i}: the editor was too slow to work within the grace`,
      );
    }

    const sessions = files.map((file) => finished.filter((s) => s.documentUri === file.toString()));
    assert.deepEqual(
      sessions.map((list) => list.length),
      files.map(() => 1),
      `one finished session per file; got ${JSON.stringify(finished.map((s) => [s.documentUri.replace(/.*\//, ''), s.activeSeconds, s.endReason]))}`,
    );
    for (const [i, [session]] of sessions.entries()) {
      assert.ok(
        session && session.activeSeconds >= RULES.minimumSessionSeconds,
        `file ${i + 1}: ${session?.activeSeconds} s active`,
      );
    }

    const summary = await publishNow();
    assert.equal(summary.outcome, 'done', JSON.stringify(summary));
    const held = await admin.activities();
    for (const [i, [session]] of sessions.entries()) {
      const item = held.flatMap((a) => a.historyItems).find((h) => h.id === session?.id);
      assert.ok(item, `Graph holds the session of file ${i + 1}`);
      assert.equal(item.activeDurationSeconds, session?.activeSeconds);
      assert.equal(item.startedDateTime, new Date(session?.startedAt ?? 0).toISOString());
    }
  });
});
