import { randomBytes } from 'node:crypto';
import type { Memento } from 'vscode';

const KEY = 'activityFeed.idKey';

/**
 * The per-user key of the private levels' keyed hashes. Kept in globalState and marked for Settings Sync, so a
 * file of the same repository gets the same appActivityId on every machine of the same user. It is not a
 * credential: it only makes ids unguessable from a path.
 */
export function loadIdKey(state: Memento & { setKeysForSync(keys: readonly string[]): void }): string {
  state.setKeysForSync([KEY]);
  const existing = state.get<unknown>(KEY);
  if (typeof existing === 'string' && /^[0-9a-f]{64}$/.test(existing)) return existing;
  const created = randomBytes(32).toString('hex');
  void state.update(KEY, created);
  return created;
}
