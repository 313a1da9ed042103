// Hostile tier, first window: a cloned repository's settings, file names and git facts (see runHostile.ts for the
// workspace) reach the log, the notifications and the published cards only as inert text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/app/api';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import { publishNow, sleep } from '../integration/helpers';
import { HOSTILE_BRANCH, HOSTILE_FILES, HOSTILE_FOLDER, WORKSPACE_TEMPLATE_MARKER } from './shared';
import {
  cardMarkdownTexts,
  fileIn,
  INVISIBLE,
  ownLogText,
  session,
  signedInApi,
  storedActivities,
  UNESCAPED_MARKDOWN,
} from './support';

/** The card's own line with its date functions: the one text that must keep its braces. */
const OWN_DATE_LINE =
  /^Last edited \{\{DATE\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,SHORT\)\}\} \{\{TIME\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)\}\}$/;

describe('hostile repository: untrusted text is inert', function () {
  this.timeout(300_000);
  const admin = new EmulatorAdminClient();
  let api: ActivityFeedApi;

  before(async () => {
    api = await signedInApi(admin);
  });

  it('logs the workspace’s invalid setting values on one line each, with its bidi override shown, not applied', () => {
    const log = ownLogText(api);
    const line = log.split('\n').find((l) => l.includes('setting ignored: idleTimeoutSeconds'));
    assert.ok(line, 'the invalid idle timeout of the workspace is reported in the log');
    assert.ok(line.includes('\\u{202e}'), `the override is shown as an escape: ${line}`);
    assert.doesNotMatch(log, INVISIBLE, 'no invisible or control character in the whole log');
  });

  it('publishes each hostile file name with every card text escaped and the card’s own date functions intact', async () => {
    for (const name of HOSTILE_FILES) await session(api, fileIn(HOSTILE_FOLDER, name));
    const summary = await publishNow();
    assert.equal(summary.outcome, 'done', JSON.stringify(summary));
    const activities = await storedActivities(admin);
    assert.ok(activities.length >= HOSTILE_FILES.length, `${activities.length} activities in Graph`);
    for (const activity of activities) {
      const texts = cardMarkdownTexts(activity);
      assert.ok(
        texts.some((t) => OWN_DATE_LINE.test(t)),
        `the card keeps its date line: ${JSON.stringify(texts)}`,
      );
      for (const text of texts.filter((t) => !OWN_DATE_LINE.test(t))) {
        assert.doesNotMatch(text, UNESCAPED_MARKDOWN, text);
        assert.doesNotMatch(text, INVISIBLE, text);
        assert.doesNotMatch(text, /\{\{/, text);
      }
      for (const text of [activity.visualElements?.displayText ?? '', activity.visualElements?.description ?? ''])
        assert.doesNotMatch(text, INVISIBLE, text);
    }
    const titles = activities.map((a) => cardMarkdownTexts(a)[0].replace(/\\(.)/g, '$1'));
    for (const name of HOSTILE_FILES) {
      const shown = name.replace(/\n/g, ' ').replace(/\u202E/g, '');
      assert.ok(
        titles.some((t) => t.includes(shown)),
        `a card is titled with ${JSON.stringify(shown)}: ${JSON.stringify(titles)}`,
      );
    }
    assert.ok(!JSON.stringify(activities).includes(HOSTILE_BRANCH), 'the branch never goes out with its override in it');
  });

  it('ignores the card templates the workspace sets: only the user’s settings choose what the feed says', async () => {
    const activities = await storedActivities(admin);
    assert.ok(activities.length > 0);
    assert.ok(!JSON.stringify(activities).includes(WORKSPACE_TEMPLATE_MARKER), 'no text came from the workspace’s templates');
    const report = ownLogText(api)
      .split('\n')
      .find((l) => l.includes('activityFeed.displayTextTemplate'));
    // The editor itself drops application-scoped values from workspace settings; when it hands one over anyway,
    // the extension names it as ignored.
    if (report) assert.match(report, /ignored; only your user settings can set it/);
  });

  it('opens nothing for a link whose id is a prototype key or whose path carries link syntax, and keeps answering', async () => {
    const before = vscode.window.activeTextEditor?.document.uri.toString();
    for (const activationUrl of [
      `${vscode.env.uriScheme}://activity-feed.graph-activity-feed/open?id=__proto__`,
      `${vscode.env.uriScheme}://activity-feed.graph-activity-feed/open?id=constructor`,
      `${vscode.env.uriScheme}://activity-feed.graph-activity-feed/[label](command:workbench.action.quit)?id=toString`,
    ]) {
      const node = {
        type: 'activity',
        entry: {
          activity: {
            id: 'x',
            appActivityId: 'x',
            displayText: 'x',
            activationUrl,
            sessions: [],
            activeSeconds: 0,
            lastActiveAt: 0,
          },
          sessions: [],
          activeSeconds: 0,
        },
        showDay: false,
      };
      await vscode.commands.executeCommand('activityFeed.published.open', node);
    }
    await sleep(500);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), before, 'no editor was opened');
    await vscode.commands.executeCommand('activityFeed.pauseTracking');
    await vscode.commands.executeCommand('activityFeed.resumeTracking');
  });
});
