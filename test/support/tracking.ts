// The tracking tests' kit: a recording sink, documents by name, and a scenario driver that plays the adapter's part
// (one timer that fires exactly at the engine's next deadline) on the kit's clock.
import * as assert from 'node:assert/strict';
import { TrackingEngine, type TrackingLog } from '../../src/tracking/engine';
import { DEFAULT_TRACKING_CONFIG, type TrackingConfig } from '../../src/tracking/engineConfig';
import type { DocumentDescriptor, SelectionKind, TrackingEvent } from '../../src/tracking/engineEvents';
import type { CursorPosition, Session, SessionSink } from '../../src/tracking/types';
import { VirtualClock } from './clock';

export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

/** Epoch ms of `seconds` after T0: scenarios speak in seconds. */
export function at(seconds: number): number {
  return T0 + seconds * 1000;
}

export class RecordingSink implements SessionSink {
  readonly checkpoints: Session[] = [];
  readonly finished_: Session[] = [];
  /** Every call in order, to check interleaving. */
  readonly log: Array<{ kind: 'checkpoint' | 'finished'; session: Session }> = [];

  checkpoint(session: Session): void {
    this.checkpoints.push(session);
    this.log.push({ kind: 'checkpoint', session });
  }

  finished(session: Session): void {
    this.finished_.push(session);
    this.log.push({ kind: 'finished', session });
  }
}

export function fileUri(name: string): string {
  return `file:///work/${name}`;
}

export function fileDocument(name: string, overrides: Partial<DocumentDescriptor> = {}): DocumentDescriptor {
  return {
    key: fileUri(name),
    languageId: 'typescript',
    relativePath: name,
    absolutePath: `/work/${name}`,
    trackingEnabled: true,
    exclude: [],
    ...overrides,
  };
}

export function descriptorFor(key: string, overrides: Partial<DocumentDescriptor> = {}): DocumentDescriptor {
  return { key, languageId: 'plaintext', trackingEnabled: true, exclude: [], ...overrides };
}

/** Drives one engine the way a person and the adapter would, on a fake clock. */
export class Scenario {
  readonly clock = new VirtualClock({ start: T0 });
  readonly sink = new RecordingSink();
  readonly engine: TrackingEngine;
  private idCounter = 0;

  constructor(config: Partial<TrackingConfig> = {}, options: { focused?: boolean; log?: TrackingLog } = {}) {
    this.engine = new TrackingEngine({
      log: options.log,
      sink: this.sink,
      clock: this.clock,
      config: { ...DEFAULT_TRACKING_CONFIG, ...config },
      newId: () => `session-${++this.idCounter}`,
      focused: options.focused ?? true,
    });
  }

  /** Moves the clock to `seconds` after T0, firing the engine's timer at every deadline on the way. */
  to(seconds: number): this {
    const target = at(seconds);
    assert.ok(target >= this.clock.time, 'scenarios only move forward in time');
    for (
      let deadline = this.engine.nextDeadline();
      deadline !== undefined && deadline <= target;
      deadline = this.engine.nextDeadline()
    ) {
      this.clock.time = Math.max(this.clock.time, deadline);
      this.engine.tick();
    }
    this.clock.time = target;
    return this;
  }

  send(event: TrackingEvent): this {
    this.engine.handle(event);
    return this;
  }

  open(name: string, overrides: Partial<DocumentDescriptor> = {}): this {
    return this.send({ type: 'open', document: fileDocument(name, overrides) });
  }

  /** Opens (if needed) and focuses the document's editor. */
  show(name: string | undefined): this {
    if (name !== undefined && !this.engine.isKnown(fileUri(name))) this.open(name);
    return this.send({ type: 'activeEditor', key: name === undefined ? undefined : fileUri(name) });
  }

  type(name: string, cursor?: CursorPosition): this {
    return this.send({ type: 'edit', key: fileUri(name), inActiveEditor: true, cursor });
  }

  backgroundEdit(name: string): this {
    return this.send({ type: 'edit', key: fileUri(name), inActiveEditor: false });
  }

  select(name: string, kind: SelectionKind, cursor?: CursorPosition): this {
    return this.send({ type: 'selection', key: fileUri(name), kind, cursor });
  }

  scroll(name: string): this {
    return this.send({ type: 'scroll', key: fileUri(name) });
  }

  save(name: string): this {
    return this.send({ type: 'save', key: fileUri(name) });
  }

  close(name: string): this {
    return this.send({ type: 'close', key: fileUri(name) });
  }

  blur(): this {
    return this.send({ type: 'focus', focused: false });
  }

  focus(): this {
    return this.send({ type: 'focus', focused: true });
  }

  shutdown(): this {
    return this.send({ type: 'shutdown' });
  }

  get finished(): Session[] {
    return this.sink.finished_;
  }

  /** The finished sessions as what a user would read: document name, start/last-active seconds, active seconds. */
  summary(): Array<{ doc: string; from: number; to: number; active: number; reason: string | undefined }> {
    return this.finished.map((s) => ({
      doc: s.documentUri.replace('file:///work/', ''),
      from: (s.startedAt - T0) / 1000,
      to: (s.lastActiveAt - T0) / 1000,
      active: s.activeSeconds,
      reason: s.endReason,
    }));
  }
}
