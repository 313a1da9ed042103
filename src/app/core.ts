// The parts that exist from the first second (built by activate()), as the rest of the extension sees them.
import type { Event, ExtensionContext } from 'vscode';
import type { RecordedLevels } from '../activity/recordedPrivacy';
import type { ChannelLogger } from '../log';
import type { Outbox } from '../outbox/outbox';
import type { TodayTotal } from '../publish/todayTotal';
import type { ForgottenSessions } from '../feed/forgotten';
import type { Session } from '../tracking/types';
import type { TrackingAdapter } from '../tracking/vscodeAdapter';
import type { SettingsProblems } from '../ui/settingsProblems';
import type { RegisterCommand } from '../ui/commandIds';
import type { StatusBar } from '../ui/statusBar';
import type { WorkspacePrivacy } from '../ui/workspacePrivacy';
import type { SettingsStore } from './settingsStore';

export interface Core {
  readonly context: ExtensionContext;
  readonly version: string;
  readonly log: ChannelLogger;
  readonly settings: SettingsStore;
  readonly settingsProblems: SettingsProblems;
  readonly outbox: Outbox;
  readonly outboxDir: string;
  readonly tracker: TrackingAdapter;
  readonly today: TodayTotal;
  readonly forgotten: ForgottenSessions;
  readonly workspacePrivacy: WorkspacePrivacy;
  readonly recordedLevels: RecordedLevels;
  /** Stamps a session with the privacy level it is recorded at. */
  recorded(session: Session): Session;
  readonly status: StatusBar;
  /** Registers a command handler behind the thin one activation registered for it. */
  readonly register: RegisterCommand;
  /** Fires after the tracker saved a session (a checkpoint or a finished one) in the outbox. */
  readonly onDidQueue: Event<void>;
  /** Fires after a session finished and was queued. */
  readonly onDidFinish: Event<void>;
}
