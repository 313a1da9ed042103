// Which workspace name stands behind each keyed workspace tag this machine has published. Kept on this machine
// only (never synced, never sent): another machine resolves a tag when it has published from the same workspace.
import type { KeyValueStore } from '../platform/ports';

const KEY = 'activityFeed.workspaceTags';
const MAX_NAMES = 500;

export class WorkspaceNames {
  constructor(private readonly memento: KeyValueStore) {}

  /** Notes the tag a payload's contentInfo carries (isPartOf.identifier) as the named workspace's. */
  remember(contentInfo: Record<string, unknown> | undefined, workspaceName: string | undefined): void {
    const part = contentInfo?.isPartOf;
    const tag = typeof part === 'object' && part !== null ? (part as Record<string, unknown>).identifier : undefined;
    if (typeof tag !== 'string' || !workspaceName) return;
    const names = this.stored();
    if (names[tag] === workspaceName) return;
    const entries = Object.entries({ ...names, [tag]: workspaceName }).slice(-MAX_NAMES);
    void this.memento.update(KEY, Object.fromEntries(entries));
  }

  nameOf(tag: string): string | undefined {
    const name = this.stored()[tag];
    return typeof name === 'string' ? name : undefined;
  }

  /** The tag this machine published the named workspace under (the latest, when it had several). */
  tagOf(name: string): string | undefined {
    const tags = Object.entries(this.stored()).filter(([, stored]) => stored === name);
    return tags.at(-1)?.[0];
  }

  private stored(): Record<string, string> {
    const value = this.memento.get<unknown>(KEY);
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
  }
}
