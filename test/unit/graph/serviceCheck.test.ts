// Check Microsoft Graph, below the editor: against the emulator in every profile and switch mix, it finds exactly
// the switches in force, stays within the writes it announces, and leaves no probe activity behind.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { GraphClient } from '../../../src/graph/client';
import { checkService, PROBE_WRITES } from '../../../src/graph/serviceCheck';
import {
  DEFAULT_CLIENT_ID,
  PROFILES,
  RunningEmulator,
  SWITCH_NAMES,
  SWITCHES,
  type ServiceSwitches,
} from '../../../tools/graph-emulator';
import { useEmulator } from '../../support/emulator';

/** The one switch the check does not look at: whether refused requests count (it would take the whole allowance). */
const NOT_CHECKED = new Set<keyof ServiceSwitches>(['throttled']);

/** Every combination of every value of the switches the check finds out. */
function everyMix(): ServiceSwitches[] {
  let mixes: ServiceSwitches[] = [{ ...PROFILES.documented }];
  for (const name of SWITCH_NAMES.filter((n) => !NOT_CHECKED.has(n)))
    mixes = mixes.flatMap((mix) => SWITCHES[name].values.map((value) => ({ ...mix, [name]: value })));
  return mixes;
}

describe('graph/serviceCheck: Check Microsoft Graph against the emulator', () => {
  let emulator: RunningEmulator;
  useEmulator({ auth: false, throttling: { enabled: false } }, (started) => (emulator = started));

  const client = () =>
    new GraphClient({
      baseUrl: emulator.graphUrl,
      userAgent: 'check-test',
      credential: {
        getToken: () =>
          Promise.resolve({
            token: emulator.admin.mintAccessToken({ clientId: DEFAULT_CLIENT_ID }),
            expiresOnTimestamp: Date.now() + 3_600_000,
          }),
      },
    });

  for (const switches of everyMix()) {
    const name = SWITCH_NAMES.filter((n) => !NOT_CHECKED.has(n))
      .map((n) => `${SWITCHES[n].flag} ${switches[n]}`)
      .join(', ');
    it(`finds ${name}`, async () => {
      emulator.admin.reset();
      emulator.admin.setProfile({ ...switches });
      // Something of the person's own is there already: the check must leave it alone.
      const own = await client().upsertActivity({
        appActivityId: 'own-file',
        activitySourceHost: 'https://example.org',
        activationUrl: 'vscode://x',
        visualElements: { displayText: 'own' },
      });
      const result = await checkService({
        graph: client(),
        endpoint: emulator.graphUrl,
        activitySourceHost: 'https://example.org',
        activationUrl: 'vscode://x/check',
        now: Date.now,
        newGuid: randomUUID,
      });
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
      const writes = emulator.admin.requests().filter((r) => r.server === 'graph' && r.method !== 'GET').length - 1;
      assert.equal(result.writes, writes, 'the result counts the writes it made');
      assert.ok(writes <= PROBE_WRITES, `${writes} writes, at most ${PROBE_WRITES} announced`);
      assert.deepEqual(
        emulator.state.all().map((a) => a.id),
        [own.id],
        'every probe activity is deleted, the person’s own one stays',
      );
    });
  }
});
