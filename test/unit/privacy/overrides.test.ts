// The confirmations kept in global state (src/privacy/overrides.ts): a grant applies only while the identity of what
// asks is the one it names; grants in the format older versions stored (bare levels) name nothing and apply nowhere.
import * as assert from 'node:assert/strict';
import { PrivacyOverrides, type PrivacyAsk } from '../../../src/privacy/overrides';

const KEY = 'activityFeed.privacyOverrides';
const API = 'file:///work/api';

function memento(initial?: unknown) {
  const data = new Map<string, unknown>(initial === undefined ? [] : [[KEY, initial]]);
  return {
    data,
    get: <T>(key: string) => data.get(key) as T | undefined,
    update: (key: string, value: unknown) => Promise.resolve(void data.set(key, value)),
  };
}

/** Identities as the services compute them, with the remote of whatever repository is at the path now. */
function repositoryAt(remote: string) {
  const repo = {
    remote,
    calls: 0,
    identify: (ask: PrivacyAsk) => {
      repo.calls++;
      return `${ask.owner}|${ask.level}|${repo.remote}`;
    },
  };
  return repo;
}

describe('privacy overrides', () => {
  it('applies a grant for the same repository and the same settings', async () => {
    const overrides = new PrivacyOverrides(memento());
    const repo = repositoryAt('git@example.com:team/api.git');
    overrides.identifyWith(repo.identify);
    await overrides.grant(API, repo.identify({ owner: API, level: 'full' }));
    assert.deepEqual(overrides.grantsFor({ folder: API }, { folder: 'full' }), { folder: 'full' });
  });

  it('does not apply it once another repository is at the path, or the settings ask for another level', async () => {
    const overrides = new PrivacyOverrides(memento());
    const repo = repositoryAt('git@example.com:team/api.git');
    overrides.identifyWith(repo.identify);
    await overrides.grant(API, repo.identify({ owner: API, level: 'full' }));
    assert.deepEqual(overrides.grantsFor({ folder: API }, { folder: 'noRepository' }), {}, 'another level asked');
    repo.remote = 'git@example.com:someone-else/api.git';
    assert.deepEqual(overrides.grantsFor({ folder: API }, { folder: 'full' }), {}, 'another repository');
    assert.ok(overrides.grantedIdentity(API), 'the grant is kept, naming what was confirmed');
  });

  it('applies no grant before the identity can be computed (the services bring it)', async () => {
    const store = memento();
    const repo = repositoryAt('git@example.com:team/api.git');
    await new PrivacyOverrides(store).grant(API, repo.identify({ owner: API, level: 'full' }));
    assert.deepEqual(new PrivacyOverrides(store).grantsFor({ folder: API }, { folder: 'full' }), {});
  });

  it('reads a grant stored as a bare level (the old format) as naming nothing: it applies nowhere', () => {
    const overrides = new PrivacyOverrides(memento({ [API]: 'full', 'file:///work/shop.code-workspace': 'noRepository' }));
    overrides.identifyWith((ask) => ask.level);
    assert.deepEqual(
      overrides.grantsFor(
        { folder: API, workspace: 'file:///work/shop.code-workspace' },
        { folder: 'full', workspace: 'noRepository' },
      ),
      {},
    );
    assert.equal(overrides.grantedIdentity(API), undefined);
  });

  it('never fails on whatever else the store holds', () => {
    for (const stored of ['full', 42, null, [], ['full'], { [API]: null }, { [API]: { level: 'full' } }, { [API]: 7 }]) {
      const overrides = new PrivacyOverrides(memento(stored));
      overrides.identifyWith((ask) => ask.level);
      assert.deepEqual(overrides.grantsFor({ folder: API }, { folder: 'full' }), {}, JSON.stringify(stored));
      assert.equal(overrides.grantedIdentity(API), undefined, JSON.stringify(stored));
    }
  });

  it('reads no repository for a folder with no grant kept', () => {
    const overrides = new PrivacyOverrides(memento());
    const repo = repositoryAt('git@example.com:team/api.git');
    overrides.identifyWith(repo.identify);
    overrides.grantsFor({ folder: API }, { folder: 'full' });
    assert.equal(repo.calls, 0);
  });

  it('replaces an old grant when the person answers again, and revokes old and new grants alike', async () => {
    const store = memento({ [API]: 'full', 'file:///work/site': 'full' });
    const overrides = new PrivacyOverrides(store);
    await overrides.grant(API, 'identity-of-api');
    assert.deepEqual(store.data.get(KEY), { [API]: 'identity-of-api', 'file:///work/site': 'full' });
    assert.equal(await overrides.revoke([API, 'file:///work/site', 'file:///work/other']), 2);
    assert.deepEqual(store.data.get(KEY), {});
  });
});
