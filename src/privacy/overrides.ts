// The looser privacy levels the person confirmed for a workspace or a folder, kept in the extension's global state
// (never in the workspace, which the repository controls). Each grant names what was confirmed (src/privacy/identity.ts):
// the level, the settings that asked and the repository at that path; a grant applies only while they are the same.
// Pure: the store and the identity are handed in.
import type { PrivacyLevel } from './disclosure';
import { isPrivacyLevel } from './disclosure';
import type { PrivacyGrants, PrivacySources } from './floor';
import type { KeyValueStore } from '../platform/ports';

/** Who holds a document's workspace and folder settings: URIs of the `.code-workspace` file and of the folder. */
export interface SettingsOwners {
  workspace?: string;
  folder?: string;
}

/** A looser level a workspace or folder asks for; its confirmation is kept under the owner's URI. */
export interface PrivacyAsk {
  owner: string;
  level: PrivacyLevel;
}

/** What identifies an ask now: its settings and the repository holding them. */
export type IdentifyAsk = (ask: PrivacyAsk) => string;

const KEY = 'activityFeed.privacyOverrides';

export class PrivacyOverrides {
  #identify: IdentifyAsk | undefined;

  constructor(private readonly store: KeyValueStore) {}

  /**
   * The identity comes with the services, which holds the repository reader (the activation bundle has no room for
   * it); until then no grant applies and the stricter level does.
   */
  identifyWith(identify: IdentifyAsk): void {
    this.#identify = identify;
  }

  #all(): Record<string, unknown> {
    const stored = this.store.get<unknown>(KEY);
    return typeof stored === 'object' && stored !== null ? { ...stored } : {};
  }

  /**
   * The identity the grant kept for this workspace or folder names: a grant is stored as its identity alone (which
   * includes the level). Grants stored before they named one are bare levels (`"full"`): they name nothing, match no
   * ask, and so the person is asked once more.
   */
  grantedIdentity(owner: string): string | undefined {
    const granted = this.#all()[owner];
    return typeof granted === 'string' && !isPrivacyLevel(granted) ? granted : undefined;
  }

  /** The levels confirmed for what the document's workspace and folder ask for now. */
  grantsFor(owners: SettingsOwners, sources: PrivacySources): PrivacyGrants {
    const grants: PrivacyGrants = {};
    for (const scope of ['workspace', 'folder'] as const) {
      const owner = owners[scope];
      const level = sources[scope];
      if (owner !== undefined && isPrivacyLevel(level) && this.#confirmed({ owner, level })) grants[scope] = level;
    }
    return grants;
  }

  /** True when the grant kept for the ask's owner names the ask as it is now. */
  #confirmed(ask: PrivacyAsk): boolean {
    const granted = this.grantedIdentity(ask.owner);
    return granted !== undefined && granted === this.#identify?.(ask);
  }

  async grant(owner: string, identity: string): Promise<void> {
    await this.store.update(KEY, { ...this.#all(), [owner]: identity });
  }

  /** Forgets the confirmations of these owners; returns how many there were. */
  async revoke(owners: readonly string[]): Promise<number> {
    const all = this.#all();
    const gone = owners.filter((owner) => all[owner] !== undefined);
    if (gone.length === 0) return 0;
    for (const owner of gone) delete all[owner];
    await this.store.update(KEY, all);
    return gone.length;
  }
}
