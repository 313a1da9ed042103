// Activity Feed: Check Microsoft Graph in the real editor, against the emulator in each service profile: it
// reports exactly the profile's answers, opens the readable report, and leaves no probe activity behind.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ServiceCheckResult } from '../../src/graph/serviceCheck';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import { activityFeed, signInByDeviceCode, waitFor } from './helpers';

describe('Check Microsoft Graph in the real editor', function () {
  this.timeout(120_000);
  const admin = new EmulatorAdminClient();

  // The check spends its writes from a budget of its own: changing the budget setting starts a new budget, and
  // setting it back starts another, so the later test files find the default budget untouched.
  const graphSettings = () => vscode.workspace.getConfiguration('activityFeed.graph');
  before(async () => {
    const api = await activityFeed();
    if (api.auth.state.kind !== 'signedIn') await signInByDeviceCode(admin);
    await graphSettings().update('writesPerFiveMinutes', 90, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await graphSettings().update('writesPerFiveMinutes', undefined, vscode.ConfigurationTarget.Global);
  });

  // The documented profile goes last: later test files publish with what the check stored.
  for (const profile of ['pessimistic', 'documented']) {
    it(`reports the ${profile} profile exactly, in a readable report, and deletes its probes`, async () => {
      await admin.setProfile({ profile });
      try {
        const { switches } = await admin.profile();
        const before = (await admin.activities()).map((a) => a.id).sort();
        const result = await vscode.commands.executeCommand<ServiceCheckResult | undefined>('activityFeed.checkGraph', {
          confirmed: true,
        });
        assert.ok(result, 'the check finished');
        assert.deepEqual(
          {
            historyIds: result.historyIds,
            replace: result.replace,
            encodedSlash: result.encodedSlash,
            order: result.order,
            errors: result.errors,
            clientExpiration: result.clientExpiration,
          },
          {
            historyIds: switches.historyIds,
            replace: switches.replace,
            encodedSlash: switches.encodedSlash,
            order: switches.order,
            errors: switches.errors,
            clientExpiration: switches.clientExpiration,
          },
        );
        const report = await waitFor(
          'the report',
          () => {
            const text = vscode.window.activeTextEditor?.document.getText() ?? '';
            return text.startsWith('# Check Microsoft Graph') && text.includes(new Date(result.checkedAt).toISOString())
              ? text
              : undefined;
          },
          10_000,
        );
        assert.equal(vscode.window.activeTextEditor?.document.languageId, 'markdown');
        const expectedLines =
          profile === 'pessimistic'
            ? [
                /ignored: the service assigns its own ids/,
                /\| dropped \|/,
                /refused \(400 RequestBroker--ParseUri\)/,
                /most recently updated first/,
                /as seen from the live service/,
              ]
            : [
                /honoured: it is the upsert key/,
                /\| kept \|/,
                /%2F inside an id segment \| accepted/,
                /oldest created first/,
                /generic, with a target/,
              ];
        for (const line of expectedLines) assert.match(report, line);
        assert.match(report, /not checked: finding out takes the whole write allowance/);
        assert.deepEqual(
          (await admin.activities()).map((a) => a.id).sort(),
          before,
          'the probe activities are gone, nothing else changed',
        );
        console.log(`      Check Microsoft Graph against the ${profile} profile printed:\n${report.replace(/^/gm, '        ')}`);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      } finally {
        await admin.setProfile({ profile: 'documented' });
      }
    });
  }
});
