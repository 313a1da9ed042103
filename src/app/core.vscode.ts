// The parts that exist from the first second (built by activate()), as the rest of the extension sees them.
import type { Event, ExtensionContext } from 'vscode';
import type { RecordedLevels } from '../privacy/recorded';
import type { ChannelLogger } from '../platform/log.vscode';
import type { OutboxWriter } from '../outbox/outboxWriter';
import type { ForgottenSessions } from '../feed/forgotten';
import type { Session } from '../tracking/types';
import type { TrackingAdapter } from '../tracking/adapter.vscode';
import type { RegisterCommand } from '../platform/commandIds';
import type { StatusBar } from '../status/statusBar.vscode';
import type { PrivacyOverrides } from '../privacy/overrides';
import type { PrivacyQuestion, WorkspacePrivacy } from '../privacy/workspacePrivacy.vscode';
import type { HandOver } from './handOver';

import type { SettingsChange } from '../platform/settings.vscode';
export interface SettingsProblemReport {
  /** Problems of one source replace that source's earlier ones. */
  source: string;
  problems: readonly string[];
  /** Leave out what the user's or the window's settings already reported (a folder's value is new). */
  exceptUserAndWindow?: boolean;
}

export interface Core {
  readonly context: ExtensionContext;
  readonly version: string;
  readonly log: ChannelLogger;
  /** The one settings change event (src/platform/settings.vscode.ts). */
  readonly settingsChanges: Event<SettingsChange>;
  /** Problems with settings, waiting for the workbench to tell the person. */
  readonly settingsProblems: HandOver<SettingsProblemReport>;
  /** Appends the tracker's sessions; the workbench's Outbox reads and publishes them. */
  readonly outbox: OutboxWriter;
  readonly outboxDir: string;
  readonly tracker: TrackingAdapter;
  readonly forgotten: ForgottenSessions;
  readonly workspacePrivacy: WorkspacePrivacy;
  readonly privacyOverrides: PrivacyOverrides;
  /** Looser levels workspaces ask for, waiting for the workbench to ask the person. */
  readonly privacyQuestions: HandOver<PrivacyQuestion>;
  readonly recordedLevels: RecordedLevels;
  /** Stamps a session with the privacy level it is recorded at. */
  recorded(session: Session): Session;
  readonly status: StatusBar;
  /** Registers a command handler behind the thin one activation registered for it. */
  readonly register: RegisterCommand;
  /** Fires after the tracker saved a session (a checkpoint or a finished one) in the outbox. */
  readonly onDidQueue: Event<void>;
  /** Sessions that finished (already queued), waiting for the workbench: today's total, publishing. */
  readonly finishedSessions: HandOver<Session>;
}
