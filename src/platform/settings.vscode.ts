// The one place the extension reads and writes its settings (`activityFeed.*`) and listens for their changes. Every
// other file gets values through here, so what a scope may decide (user only, or also a workspace) is visible at the
// call site as a choice of reader, and there is one subscription to the editor's change event.
import { ConfigurationTarget, EventEmitter, workspace, type Disposable, type Event, type Uri } from 'vscode';

export const SETTINGS_SECTION = 'activityFeed';

/** A setting's value as each scope holds it. */
export interface SettingScopes<T = unknown> {
  readonly globalValue?: T;
  readonly workspaceValue?: T;
  readonly workspaceFolderValue?: T;
}

/** The settings under one part of `activityFeed`, for one resource (a document's folder settings apply). */
export interface SettingsReader {
  /** The value in force: the most specific scope that sets it, else the default. */
  get<T>(key: string): T | undefined;
  /** The value as each scope holds it. */
  inspect<T>(key: string): SettingScopes<T> | undefined;
}

/** One lookup of `activityFeed.<part>` for `resource`; read it as often as needed. */
export function settingsAt(part: '' | 'tracking' | 'view', resource?: Uri): SettingsReader {
  const config = workspace.getConfiguration(part === '' ? SETTINGS_SECTION : `${SETTINGS_SECTION}.${part}`, resource);
  return { get: (key) => config.get(key), inspect: (key) => config.inspect(key) };
}

/** The whole `activityFeed` tree as each scope holds it, in one lookup (a lookup per key made activation slow). */
export function settingsTree(resource?: Uri): SettingScopes | undefined {
  return workspace.getConfiguration(undefined, resource).inspect(SETTINGS_SECTION);
}

/** Writes `activityFeed.<key>` to the person's user settings, or to this workspace's. */
export function writeSetting(key: string, value: unknown, where: 'user' | 'workspace'): Thenable<void> {
  const target = where === 'user' ? ConfigurationTarget.Global : ConfigurationTarget.Workspace;
  return workspace.getConfiguration(SETTINGS_SECTION).update(key, value, target);
}

/** A change of the extension's settings. */
export interface SettingsChange {
  /** Whether `activityFeed.<key>` changed (for `resource`, when given); with no key, whether any of them did. */
  affects(key?: string, resource?: Uri): boolean;
}

/** The one subscription to the editor's settings change event; the parts that react to settings listen here. */
export class SettingsChanges implements Disposable {
  readonly #emitter = new EventEmitter<SettingsChange>();
  readonly #source: Disposable;
  readonly event: Event<SettingsChange> = this.#emitter.event;

  constructor() {
    this.#source = workspace.onDidChangeConfiguration((change) => {
      if (!change.affectsConfiguration(SETTINGS_SECTION)) return;
      this.#emitter.fire({
        affects: (key, resource) =>
          change.affectsConfiguration(key === undefined ? SETTINGS_SECTION : `${SETTINGS_SECTION}.${key}`, resource),
      });
    });
  }

  dispose(): void {
    this.#source.dispose();
    this.#emitter.dispose();
  }
}
