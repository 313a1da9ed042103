// The looser privacy levels the person confirmed for a workspace or a folder, kept in the extension's global state
// (never in the workspace, which the repository controls). Pure: the store is handed in.
import type { PrivacyLevel } from './activity/privacy';
import { isPrivacyLevel } from './activity/privacy';
import type { PrivacyGrants } from './activity/privacyFloor';
import type { KeyValueStore } from './ports';

/** Who holds a document's workspace and folder settings: URIs of the `.code-workspace` file and of the folder. */
export interface SettingsOwners {
  workspace?: string;
  folder?: string;
}

const KEY = 'activityFeed.privacyOverrides';

export class PrivacyOverrides {
  constructor(private readonly store: KeyValueStore) {}

  private all(): Record<string, PrivacyLevel> {
    const stored = this.store.get<Record<string, unknown>>(KEY) ?? {};
    return Object.fromEntries(
      Object.entries(stored).filter((entry): entry is [string, PrivacyLevel] => isPrivacyLevel(entry[1])),
    );
  }

  grantsFor(owners: SettingsOwners): PrivacyGrants {
    const all = this.all();
    const grants: PrivacyGrants = {};
    if (owners.workspace !== undefined && all[owners.workspace]) grants.workspace = all[owners.workspace];
    if (owners.folder !== undefined && all[owners.folder]) grants.folder = all[owners.folder];
    return grants;
  }

  async grant(owner: string, level: PrivacyLevel): Promise<void> {
    await this.store.update(KEY, { ...this.all(), [owner]: level });
  }

  /** Forgets the confirmations of these owners; returns how many there were. */
  async revoke(owners: readonly string[]): Promise<number> {
    const all = this.all();
    const gone = owners.filter((owner) => all[owner] !== undefined);
    if (gone.length === 0) return 0;
    for (const owner of gone) delete all[owner];
    await this.store.update(KEY, all);
    return gone.length;
  }
}
