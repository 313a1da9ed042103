// Every settings read of the extension and the one change event: values are read once and again only after they
// change (each read is a dozen lookups, and activation alone asked for them ten times). Built by the workbench.
import { Disposable, EventEmitter, workspace, type Event } from 'vscode';
import { readSettings, SETTINGS_SECTION } from '../config.vscode';
import type { Settings, SettingsReport } from '../settings';
import { readTrackingConfig, TRACKING_SETTINGS_SECTION } from '../tracking/adapter.vscode';

type TrackingReport = ReturnType<typeof readTrackingConfig>;

export interface SettingsChange {
  /** Whether `activityFeed.tracking.*` (exclusions, timings) changed. */
  readonly tracking: boolean;
}

export class SettingsStore implements Disposable {
  private report: SettingsReport | undefined;
  private trackingReport: TrackingReport | undefined;
  private readonly changed = new EventEmitter<SettingsChange>();
  private readonly listener: Disposable;
  /** Fires after a change, once the new values are what this store answers. */
  readonly onDidChange: Event<SettingsChange> = this.changed.event;

  constructor() {
    this.listener = workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
      this.report = undefined;
      this.trackingReport = undefined;
      this.changed.fire({ tracking: event.affectsConfiguration(TRACKING_SETTINGS_SECTION) });
    });
  }

  /** The validated settings (defaults where a value could not be used). */
  get settings(): Settings {
    return this.current().settings;
  }

  /** One message per setting whose value could not be used. */
  get problems(): string[] {
    return this.current().problems;
  }

  /** The tracker's settings, validated. */
  get tracking(): TrackingReport {
    return (this.trackingReport ??= readTrackingConfig());
  }

  private current(): SettingsReport {
    return (this.report ??= readSettings());
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
