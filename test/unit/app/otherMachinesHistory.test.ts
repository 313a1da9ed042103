// Keeping other machines' sessions in step with the feed: a read is taken in once, whole reads only, nothing signed
// out, never this machine's or a forgotten session, and Forget reaches the copy of the account signed in.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OtherMachinesHistory, type FeedRead } from '../../../src/app/otherMachinesHistory';
import type { UserActivityResponse } from '../../../src/graph/types';
import { OtherMachines } from '../../../src/ledger/otherMachines';
import { RecordingLogger } from '../../support/logger';

const NOW = Date.parse('2026-12-07T10:00:00Z');

function feedWith(ids: string[], lastReadAt: number, kind: 'ok' | 'error' = 'ok'): FeedRead {
  const activity = {
    appActivityId: 'h!cart',
    visualElements: { displayText: 'cart.ts' },
    historyItems: ids.map((id) => ({ id, startedDateTime: new Date(NOW - 3_600_000).toISOString(), activeDurationSeconds: 60 })),
  } as unknown as UserActivityResponse;
  return {
    state: kind === 'ok' ? { kind, fetchedAt: lastReadAt } : { kind, message: 'failed' },
    lastReadAt,
    cached: [activity],
  };
}

describe("other machines' history, kept in step with the feed", () => {
  let dir: string;
  let account: string | undefined;
  let logger: RecordingLogger;
  let appends: number;
  const history = () => {
    const store = new OtherMachines({ dir, now: () => NOW, logger });
    const keep = store.keep.bind(store);
    store.keep = async (who, entries) => {
      appends += 1;
      return keep(who, entries);
    };
    return new OtherMachinesHistory({
      store,
      account: () => account,
      thisMachineSessionIds: () => new Set(['mine']),
      isForgotten: (id) => id === 'forgotten',
      log: logger,
    });
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'af-others-history-'));
    account = 'ana@contoso.com';
    logger = new RecordingLogger();
    appends = 0;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes in each whole read once, leaving out this machine’s and forgotten sessions', async () => {
    const kept = history();
    kept.feedChanged(feedWith(['laptop', 'mine', 'forgotten'], 1));
    kept.feedChanged(feedWith(['laptop', 'mine', 'forgotten'], 1));
    kept.feedChanged(feedWith(['desk'], 2, 'error'));
    await kept.settled();
    assert.equal(appends, 1, 'the same read (a Forget, a loading state) is not taken in again; a failed one not at all');
    assert.deepEqual(
      kept.entries().map((e) => e.id),
      ['laptop'],
    );
  });

  it('shows nothing and keeps nothing signed out, and Forget reaches only the account signed in', async () => {
    const kept = history();
    account = undefined;
    kept.feedChanged(feedWith(['laptop'], 1));
    await kept.settled();
    assert.equal(appends, 0);
    assert.deepEqual(kept.entries(), []);
    account = 'ana@contoso.com';
    kept.feedChanged(feedWith(['laptop', 'desk'], 2));
    kept.forgotten([], ['LAPTOP']);
    await kept.settled();
    assert.deepEqual(
      kept.entries().map((e) => e.id),
      ['desk'],
    );
    account = 'ben@fabrikam.com';
    assert.deepEqual(kept.entries(), [], 'another account sees none of it');
    assert.equal(kept.count(), 1);
    assert.equal(await kept.clear(), 1);
  });
});
