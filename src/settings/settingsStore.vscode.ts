// The settings, read and validated once and again only after they change (each read is a dozen lookups, and
// activation alone asked for them ten times). Built by the services over the one change event
// (src/platform/settings.vscode.ts).
import { Disposable, EventEmitter, type Event } from 'vscode';
import { readSettings } from './readSettings.vscode';
import type { SettingsChange as EditorSettingsChange } from '../platform/settings.vscode';
import type { Settings, SettingsReport } from './validSettings';
import { readTrackingConfig } from '../tracking/adapter.vscode';

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

  constructor(changes: Event<EditorSettingsChange>) {
    this.listener = changes((change) => {
      this.report = undefined;
      this.trackingReport = undefined;
      this.changed.fire({ tracking: change.affects('tracking') });
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
