// The parts that exist from the first second (built by the container, src/app/container.vscode.ts), as the services
// that load a moment later see them.
import type { Event, ExtensionContext } from 'vscode';
import type { ForgottenSessions } from '../feed/forgotten';
import type { SessionIntake } from '../outbox/sessionIntake';
import type { OutboxWriter } from '../outbox/outboxWriter';
import type { RegisterCommand } from '../platform/commandIds';
import type { ChannelLogger } from '../platform/log.vscode';
import type { SettingsChange } from '../platform/settings.vscode';
import type { PrivacyOverrides } from '../privacy/overrides';
import type { SessionPrivacy } from '../privacy/sessionPrivacy';
import type { PrivacyQuestion, WorkspacePrivacy } from '../privacy/workspacePrivacy.vscode';
import type { StatusBar } from '../status/statusBar.vscode';
import type { TrackingAdapter } from '../tracking/adapter.vscode';
import type { Session } from '../tracking/types';
import type { HandOver } from './handOver';

export interface SettingsProblemReport {
  /** Problems of one source replace that source's earlier ones. */
  source: string;
  problems: readonly string[];
  /** Leave out what the user's or the window's settings already reported (a folder's value is new). */
  exceptUserAndWindow?: boolean;
}

export interface StartupParts {
  readonly context: ExtensionContext;
  readonly version: string;
  readonly log: ChannelLogger;
  /** The one settings change event (src/platform/settings.vscode.ts). */
  readonly settingsChanges: Event<SettingsChange>;
  /** Problems with settings, waiting for the services to tell the person. */
  readonly settingsProblems: HandOver<SettingsProblemReport>;
  /** Appends sessions; the services' Outbox reads and publishes them. */
  readonly outbox: OutboxWriter;
  readonly outboxDir: string;
  /** The one way a session enters the outbox. */
  readonly intake: SessionIntake;
  readonly tracker: TrackingAdapter;
  readonly forgotten: ForgottenSessions;
  readonly workspacePrivacy: WorkspacePrivacy;
  readonly privacyOverrides: PrivacyOverrides;
  /** Looser levels workspaces ask for, waiting for the services to ask the person. */
  readonly privacyQuestions: HandOver<PrivacyQuestion>;
  /** Each session's privacy level, decided when it is recorded. */
  readonly privacy: SessionPrivacy;
  readonly status: StatusBar;
  /** Registers a command handler behind the thin one activation registered for it. */
  readonly register: RegisterCommand;
  /** Fires after a session (a checkpoint or a finished one) is in the outbox. */
  readonly onDidQueue: Event<void>;
  /** Sessions that finished (already queued), waiting for the services: today's total, publishing. */
  readonly finishedSessions: HandOver<Session>;
}
