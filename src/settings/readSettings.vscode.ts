// Reads every contributed setting (but tracking's, which the tracker reads) into one typed, validated view.
// src/settings/settingsStore.vscode.ts caches it and owns the change event.
import type { Uri } from 'vscode';
import { settingsAt, settingsTree } from '../platform/settings.vscode';
import { readPrivacySources } from '../privacy/settings.vscode';
import { parseSettings, RawSettings, SettingsReport } from './validSettings';

/** The value at a dotted key inside a settings tree (`graph.endpoint` → tree.graph.endpoint). */
function at(tree: unknown, key: string): unknown {
  let node = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** User-only settings that a workspace nevertheless sets; the others are only ever read from user settings. */
const REPORTED_IF_SET_BY_A_WORKSPACE = ['displayTextTemplate', 'descriptionTemplate'];

function workspaceSetsUserOnly(section: { workspaceValue?: unknown; workspaceFolderValue?: unknown } | undefined): string[] {
  return REPORTED_IF_SET_BY_A_WORKSPACE.filter(
    (key) => at(section?.workspaceValue, key) !== undefined || at(section?.workspaceFolderValue, key) !== undefined,
  );
}

export function readSettings(resource?: Uri): SettingsReport {
  const config = settingsAt('', resource);
  const section = settingsTree(resource);
  const userTree = section?.globalValue;
  /** Only the user's own value (settings.json of the user), never a workspace's: for settings that route tokens. */
  const userValue = (key: string): unknown => at(userTree, key);
  const raw: RawSettings = {
    privacy: readPrivacySources(config),
    workspaceAlias: config.get('workspaceAlias'),
    // The texts that leave the machine: a cloned repository must not choose them.
    displayTextTemplate: userValue('displayTextTemplate'),
    descriptionTemplate: userValue('descriptionTemplate'),
    backgroundColor: config.get('backgroundColor'),
    iconUrl: userValue('iconUrl'),
    timezone: userValue('timezone'),
    activitySourceHost: userValue('activitySourceHost'),
    // How long the person's history stays in their account is theirs to decide, not a repository's.
    keepDays: userValue('history.keepDays'),
    // A repository may name its own tracker's keys: the pattern runs on RE2 (linear time) and only labels rows.
    ticketPattern: config.get('timesheet.ticketPattern'),
    // Commit messages stay on this machine (in its history); whether to read them is the person's choice alone.
    ticketFromCommitMessage: userValue('timesheet.ticketFromCommitMessage'),
    graph: {
      endpoint: userValue('graph.endpoint'),
      requestTimeoutSeconds: userValue('graph.requestTimeoutSeconds'),
      writesPerFiveMinutes: userValue('graph.writesPerFiveMinutes'),
      writesPerDay: userValue('graph.writesPerDay'),
      readsPerFiveMinutes: userValue('graph.readsPerFiveMinutes'),
      readsPerDay: userValue('graph.readsPerDay'),
      maxAttempts: userValue('graph.maxAttempts'),
    },
    auth: {
      method: userValue('auth.method'),
      clientId: userValue('auth.clientId'),
      tenant: userValue('auth.tenant'),
      authorityHost: userValue('auth.authorityHost'),
    },
    // Publishing is one job shared by every window (one outbox), so only the user's settings drive it.
    publish: {
      mode: userValue('publish.mode'),
      finishedDelaySeconds: userValue('publish.finishedDelaySeconds'),
      intervalSeconds: userValue('publish.intervalSeconds'),
      onWindowBlur: userValue('publish.onWindowBlur'),
      onShutdown: userValue('publish.onShutdown'),
      maxQueuedSessions: userValue('publish.maxQueuedSessions'),
    },
    ignoredWorkspaceValues: workspaceSetsUserOnly(section),
  };
  return parseSettings(raw);
}
