// The one container. The parts that exist from the first second are its fields: the tracker feeding the outbox through
// the session intake, each session's privacy level, the status bar, a thin handler for every contributed command.
// Everything else (publishing, sign-in, the Published view, Forget, previews, Check Microsoft Graph, Insights) is
// `services`, built from its own bundle (dist/services.js) on first use or just after start-up. Two lifetimes:
// activation's disposables, and the services', which go first.
import { join } from 'node:path';
import { EventEmitter, window, type Disposable, type Event, type ExtensionContext } from 'vscode';
import type { ActivityFeedApi } from './api';
import { ForgottenSessions } from '../feed/forgotten';
import { OutboxWriter } from '../outbox/outboxWriter';
import { SessionIntake } from '../outbox/sessionIntake';
import type { RegisterCommand } from '../platform/commandIds';
import { loadBundle } from '../platform/lazyBundles';
import type { ChannelLogger } from '../platform/log.vscode';
import { SettingsChanges, type SettingsChange } from '../platform/settings.vscode';
import { PrivacyOverrides } from '../privacy/overrides';
import { SessionPrivacy } from '../privacy/sessionPrivacy';
import { WorkspacePrivacy, type PrivacyQuestion } from '../privacy/workspacePrivacy.vscode';
import { StatusBar } from '../status/statusBar.vscode';
import { TrackingAdapter } from '../tracking/adapter.vscode';
import type { Session } from '../tracking/types';
import { CommandRouter } from './commandRouter.vscode';
import { HandOver } from './handOver';
import type { Services } from './services.vscode';
import type { SettingsProblemReport, StartupParts } from './startupParts.vscode';
import { testApi } from './testApi.vscode';

type ServicesModule = typeof import('./services.vscode');

export class Container implements StartupParts, Disposable {
  readonly version: string;
  readonly outboxDir: string;
  readonly outbox: OutboxWriter;
  readonly forgotten: ForgottenSessions;
  readonly privacyOverrides: PrivacyOverrides;
  readonly workspacePrivacy: WorkspacePrivacy;
  readonly privacy: SessionPrivacy;
  readonly intake: SessionIntake;
  readonly tracker: TrackingAdapter;
  readonly status = new StatusBar();
  readonly register: RegisterCommand;
  readonly settingsChanges: Event<SettingsChange>;
  readonly onDidQueue: Event<void>;
  // What the first second cannot do itself waits in a hand-over for the services, which handle it.
  readonly settingsProblems = new HandOver<SettingsProblemReport>();
  readonly privacyQuestions = new HandOver<PrivacyQuestion>();
  readonly finishedSessions = new HandOver<Session>();
  /** Activation's lifetime: disposed last, in reverse order. */
  readonly #activation: Disposable[] = [];
  #loaded: Services | undefined;

  constructor(
    readonly context: ExtensionContext,
    readonly log: ChannelLogger,
  ) {
    this.version = manifestVersion(context);
    // The one subscription to the editor's settings change event, shared by every part that reacts to settings.
    const settingsChanges = this.#keep(new SettingsChanges());
    this.settingsChanges = settingsChanges.event;
    this.outboxDir = join(context.globalStorageUri.fsPath, 'outbox');
    this.outbox = new OutboxWriter({ dir: this.outboxDir, clock: { now: Date.now }, logger: log });
    this.forgotten = new ForgottenSessions(context.globalState, Date.now);
    this.privacyOverrides = new PrivacyOverrides(context.globalState);
    this.workspacePrivacy = new WorkspacePrivacy(
      this.privacyOverrides,
      (source, problems) => this.settingsProblems.send({ source, problems, exceptUserAndWindow: true }),
      this.privacyQuestions.send,
    );
    this.privacy = new SessionPrivacy(this.workspacePrivacy.levelFor.bind(this.workspacePrivacy));
    const queued = this.#keep(new EventEmitter<void>());
    this.onDidQueue = queued.event;
    this.intake = new SessionIntake({
      ...{ outbox: this.outbox, forgotten: this.forgotten, privacy: this.privacy },
      onQueued: () => queued.fire(),
    });
    this.tracker = this.#keep(
      new TrackingAdapter({
        settingsChanges: this.settingsChanges,
        sink: { checkpoint: this.intake.record, finished: (session) => this.#finished(session) },
        onConfigProblems: (problems) => this.settingsProblems.send({ source: 'tracking', problems }),
        onError: (error) => log.error(error instanceof Error ? error : String(error)),
        log,
      }),
    );
    this.#keep(this.status);
    this.#keep(this.onDidQueue(() => this.status.update()));
    const router = this.#keep(new CommandRouter(contributedCommands(context), () => this.services));
    this.register = router.register;
    this.#keep(window.registerUriHandler({ handleUri: (uri) => this.services.handleUri(uri) }));
  }

  /** The rest of the extension, built from its bundle the first time anything asks for it. */
  get services(): Services {
    if (this.#loaded) return this.#loaded;
    const started = performance.now();
    this.#loaded = loadBundle<ServicesModule>('services').startServices(this);
    this.log.debug(`services loaded in ${(performance.now() - started).toFixed(2)} ms`);
    return this.#loaded;
  }

  /** Loads the services just after start-up, once the editor has had its turn. */
  loadSoon(): void {
    const timer = setTimeout(() => {
      try {
        void this.services;
      } catch (error) {
        this.log.error(error instanceof Error ? error : String(error));
      }
    });
    this.#keep({ dispose: () => clearTimeout(timer) });
  }

  /** What activate() returns: the tracking parts at once, the rest through the services. */
  api(activationMs: number): ActivityFeedApi {
    return testApi(this, () => this.services, activationMs);
  }

  /** Ends the running session ('shutdown'), writes it to the outbox, then lets the services publish if asked to. */
  async shutdown(): Promise<void> {
    this.tracker.dispose();
    await this.services.shutdown();
  }

  dispose(): void {
    this.#loaded?.dispose();
    for (const part of this.#activation.splice(0).reverse()) part.dispose();
  }

  /** A finished session is queued, then counts towards today and may start a publish (the services' job). */
  #finished(session: Session): void {
    this.intake.record(session);
    this.finishedSessions.send(session);
  }

  #keep<T extends Disposable>(part: T): T {
    this.#activation.push(part);
    return part;
  }
}

/** The commands package.json contributes: each gets its thin handler now (test/unit/manifest.test.ts keeps the list
 * equal to src/platform/commandIds.ts, which the services register the real handlers by). */
function contributedCommands(context: ExtensionContext): Set<string> {
  const manifest = context.extension.packageJSON as { contributes?: { commands?: readonly { command?: unknown }[] } };
  const commands = manifest.contributes?.commands ?? [];
  return new Set(commands.flatMap(({ command }) => (typeof command === 'string' ? [command] : [])));
}

function manifestVersion(context: ExtensionContext): string {
  const manifest = context.extension.packageJSON as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}
