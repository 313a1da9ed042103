// A synthetic, seeded 8-hour working day as timestamped tracking events: the same input for every run of the
// write benchmarks. It models what the editor adapter hands the engine: a person switching between files of a
// project (a few hot ones, many rarely), typing in bursts, reading (scrolling, clicking), thinking pauses, quick
// peeks at another file, alt-tabbing away, coffee breaks (idle, window still focused), meetings and lunch (window
// blurred), and one workspace-wide search-and-replace that edits and saves 200 files at once.
import type { DocumentDescriptor, TrackingEvent } from '../../src/tracking/engineEvents';
import type { CursorPosition } from '../../src/tracking/types';
import { Prng } from './prng';

export interface TimedEvent {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly event: TrackingEvent;
}

export type BreakKind = 'coffee' | 'meeting' | 'lunch';

export interface DayBreak {
  readonly kind: BreakKind;
  readonly at: number;
  readonly minutes: number;
}

export interface Trace {
  readonly seed: number;
  readonly startAt: number;
  readonly endAt: number;
  /** The files a person works on during the day. */
  readonly workedFiles: readonly DocumentDescriptor[];
  /** Every file the trace names: the worked files and the other targets of the replace. */
  readonly allFiles: readonly DocumentDescriptor[];
  /** In time order (equal times keep their order). */
  readonly events: readonly TimedEvent[];
  readonly replace: { readonly at: number; readonly files: number };
  readonly breaks: readonly DayBreak[];
}

export interface TraceOptions {
  seed?: number;
  /** Epoch ms of the first event; default Monday 2026-03-02 09:00 UTC. */
  startAt?: number;
  hours?: number;
  workedFileCount?: number;
  replaceFileCount?: number;
}

export const DEFAULT_TRACE_SEED = 20260302;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const ROOT = '/work/project';
const AREAS = ['tracking', 'publish', 'graph', 'outbox', 'activity', 'ui', 'auth', 'text'];
const KINDS: readonly (readonly [string, string])[] = [
  ['ts', 'typescript'],
  ['ts', 'typescript'],
  ['ts', 'typescript'],
  ['ts', 'typescript'],
  ['md', 'markdown'],
  ['json', 'json'],
  ['css', 'css'],
  ['py', 'python'],
];
/** Most editors a person keeps open; beyond it the least recently used one is closed. */
const MAX_OPEN_EDITORS = 12;

function describe(relativePath: string, languageId: string): DocumentDescriptor {
  return {
    key: `file://${ROOT}/${relativePath}`,
    languageId,
    relativePath,
    absolutePath: `${ROOT}/${relativePath}`,
    trackingEnabled: true,
    exclude: [],
  };
}

function projectFiles(rng: Prng, count: number): DocumentDescriptor[] {
  return Array.from({ length: count }, (_, i) => {
    const [extension, languageId] = rng.pick(KINDS);
    const area = AREAS[i % AREAS.length];
    return describe(`src/${area}/module${i}.${extension}`, languageId);
  });
}

/** Writes the day's events in order; `t` only moves forward. */
class DayWriter {
  readonly events: TimedEvent[] = [];
  t: number;
  private activeKey: string | undefined;
  private readonly open: string[] = [];
  private readonly cursors = new Map<string, CursorPosition>();
  readonly visited = new Set<string>();
  private readonly recent: DocumentDescriptor[] = [];

  constructor(
    private readonly rng: Prng,
    startAt: number,
  ) {
    this.t = startAt;
  }

  emit(event: TrackingEvent): void {
    this.events.push({ at: this.t, event });
  }

  wait(ms: number): void {
    this.t += Math.max(0, Math.round(ms));
  }

  get active(): string | undefined {
    return this.activeKey;
  }

  isOpen(key: string): boolean {
    return this.open.includes(key);
  }

  ensureOpen(file: DocumentDescriptor): void {
    if (this.isOpen(file.key)) return;
    this.emit({ type: 'open', document: file });
    this.open.push(file.key);
  }

  close(key: string): void {
    const at = this.open.indexOf(key);
    if (at < 0) return;
    this.open.splice(at, 1);
    this.emit({ type: 'close', key });
  }

  /** Brings a file to the front, opening it (and closing the least recently used editor) if needed. */
  activate(file: DocumentDescriptor): void {
    this.ensureOpen(file);
    const at = this.open.indexOf(file.key);
    this.open.splice(at, 1);
    this.open.push(file.key);
    if (this.open.length > MAX_OPEN_EDITORS) this.close(this.open[0]);
    this.activeKey = file.key;
    this.visited.add(file.key);
    const index = this.recent.indexOf(file);
    if (index >= 0) this.recent.splice(index, 1);
    this.recent.unshift(file);
    if (this.recent.length > 6) this.recent.pop();
    this.emit({ type: 'activeEditor', key: file.key, cursor: this.cursor(file.key) });
  }

  recentFiles(): readonly DocumentDescriptor[] {
    return this.recent;
  }

  cursor(key: string): CursorPosition {
    let cursor = this.cursors.get(key);
    if (cursor === undefined) {
      cursor = { line: this.rng.int(0, 400), character: 0 };
      this.cursors.set(key, cursor);
    }
    return { ...cursor };
  }

  moveCursor(key: string, lines: number, character: number): CursorPosition {
    const current = this.cursor(key);
    const next = { line: Math.max(0, current.line + lines), character: Math.max(0, character) };
    this.cursors.set(key, next);
    return { ...next };
  }
}

/** A person at work on one file until `until`: typing, reading, thinking, peeking elsewhere, alt-tabbing. */
function workOn(day: DayWriter, rng: Prng, file: DocumentDescriptor, worked: readonly DocumentDescriptor[], until: number): void {
  day.activate(file);
  // Mostly short stays, a few long ones (20 seconds to 12 minutes, skewed short).
  const end = Math.min(until, day.t + (0.3 + 11.7 * rng.next() ** 3) * MINUTE);
  while (day.t < end) {
    const r = rng.next();
    if (r < 0.45) typingBurst(day, rng, file.key);
    else if (r < 0.75) reading(day, rng, file.key, Math.min(end, day.t + rng.between(20, 180) * SECOND));
    else if (r < 0.88) day.wait(rng.chance(0.1) ? rng.between(240, 420) * SECOND : rng.between(15, 150) * SECOND);
    else if (r < 0.96) peek(day, rng, file, worked);
    else altTab(day, rng);
  }
}

function typingBurst(day: DayWriter, rng: Prng, key: string): void {
  const keys = rng.int(20, 300);
  let column = day.cursor(key).character;
  let nextNavigation = rng.int(8, 25);
  for (let i = 0; i < keys; i++) {
    day.wait(rng.chance(0.05) ? rng.between(1000, 4000) : rng.between(90, 450));
    const newline = rng.chance(0.04);
    column = newline ? rng.int(0, 12) : column + 1;
    day.emit({ type: 'edit', key, inActiveEditor: true, cursor: day.moveCursor(key, newline ? 1 : 0, column) });
    if (--nextNavigation === 0) {
      nextNavigation = rng.int(8, 25);
      day.wait(rng.between(150, 600));
      day.emit({ type: 'selection', key, kind: 'keyboard', cursor: day.moveCursor(key, rng.int(-3, 3), rng.int(0, 60)) });
    }
  }
  if (rng.chance(0.4)) {
    day.wait(rng.between(300, 1500));
    day.emit({ type: 'save', key });
  }
}

function reading(day: DayWriter, rng: Prng, key: string, until: number): void {
  while (day.t < until) {
    day.wait(rng.between(800, 8000));
    if (rng.chance(0.15))
      day.emit({ type: 'selection', key, kind: 'mouse', cursor: day.moveCursor(key, rng.int(-30, 30), rng.int(0, 80)) });
    else day.emit({ type: 'scroll', key });
  }
}

/** A quick look at another file (usually shorter than the switch grace), then back. */
function peek(day: DayWriter, rng: Prng, file: DocumentDescriptor, worked: readonly DocumentDescriptor[]): void {
  const other = rng.pick(worked.filter((f) => f.key !== file.key));
  day.wait(rng.between(300, 2000));
  day.activate(other);
  const stay = rng.chance(0.25) ? rng.between(20, 60) * SECOND : rng.between(3, 12) * SECOND;
  reading(day, rng, other.key, day.t + stay);
  day.activate(file);
}

function altTab(day: DayWriter, rng: Prng): void {
  day.emit({ type: 'focus', focused: false });
  day.wait(rng.chance(0.7) ? rng.between(10, 60) * SECOND : rng.between(1, 4) * MINUTE);
  day.emit({ type: 'focus', focused: true });
}

function takeBreak(day: DayWriter, pause: DayBreak): void {
  day.t = Math.max(day.t, pause.at);
  // Coffee: the window stays focused and the person simply walks away. Meetings and lunch: another app has focus.
  const blurs = pause.kind !== 'coffee';
  if (blurs) day.emit({ type: 'focus', focused: false });
  day.wait(pause.minutes * MINUTE);
  if (blurs) day.emit({ type: 'focus', focused: true });
}

/** Search and replace across the workspace: every target is opened in the background, edited, saved, closed. */
function workspaceReplace(day: DayWriter, rng: Prng, targets: readonly DocumentDescriptor[]): void {
  const openedHere = targets.filter((file) => !day.isOpen(file.key));
  for (const file of openedHere) {
    day.ensureOpen(file);
    day.wait(rng.int(0, 3));
  }
  for (const file of targets) {
    day.emit({
      type: 'edit',
      key: file.key,
      inActiveEditor: file.key === day.active,
      cursor: file.key === day.active ? day.cursor(file.key) : undefined,
    });
    day.wait(rng.int(1, 8));
  }
  day.wait(rng.between(500, 1500));
  for (const file of targets) {
    day.emit({ type: 'save', key: file.key });
    day.wait(rng.int(1, 5));
  }
  day.wait(rng.between(200, 800));
  for (const file of openedHere) if (file.key !== day.active) day.close(file.key);
}

function chooseFile(day: DayWriter, rng: Prng, worked: readonly DocumentDescriptor[]): DocumentDescriptor {
  for (let attempt = 0; attempt < 4; attempt++) {
    const unvisited = worked.filter((f) => !day.visited.has(f.key));
    const recent = day.recentFiles();
    let file: DocumentDescriptor;
    if (unvisited.length > 0 && rng.chance(0.3)) file = rng.pick(unvisited);
    else if (recent.length > 1 && rng.chance(0.6)) file = recent[rng.zipfIndex(recent.length, 1.2)];
    else file = worked[rng.zipfIndex(worked.length, 0.8)];
    if (file.key !== day.active) return file;
  }
  return rng.pick(worked.filter((f) => f.key !== day.active));
}

function planBreaks(rng: Prng, startAt: number): DayBreak[] {
  const at = (hours: number, jitterMinutes: number) =>
    startAt + hours * 60 * MINUTE + rng.between(-jitterMinutes, jitterMinutes) * MINUTE;
  return [
    { kind: 'coffee', at: at(1.3, 10), minutes: rng.between(12, 20) },
    { kind: 'meeting', at: at(2, 5), minutes: rng.between(30, 45) },
    { kind: 'lunch', at: at(3.5, 10), minutes: rng.between(45, 60) },
    { kind: 'coffee', at: at(6.3, 10), minutes: rng.between(10, 15) },
    { kind: 'meeting', at: at(7, 5), minutes: rng.between(20, 30) },
  ];
}

export function generateTrace(options: TraceOptions = {}): Trace {
  const seed = options.seed ?? DEFAULT_TRACE_SEED;
  const startAt = options.startAt ?? Date.UTC(2026, 2, 2, 9, 0, 0);
  const dayEnd = startAt + (options.hours ?? 8) * 60 * MINUTE;
  const rng = new Prng(seed);
  const worked = projectFiles(rng, options.workedFileCount ?? 48);
  const replaceCount = options.replaceFileCount ?? 200;
  const fromWorked = worked.filter(() => rng.chance(0.6));
  const others = Array.from({ length: Math.max(0, replaceCount - fromWorked.length) }, (_, i) =>
    describe(`lib/generated/part${i}.ts`, 'typescript'),
  );
  const replaceTargets = [...fromWorked, ...others].slice(0, replaceCount);
  const breaks = planBreaks(rng, startAt);
  const replaceAt = startAt + 5.1 * 60 * MINUTE + rng.between(-10, 10) * MINUTE;

  const day = new DayWriter(rng, startAt);
  for (const file of worked.slice(0, 5)) day.ensureOpen(file);
  const pending: { at: number; run: () => void }[] = [
    ...breaks.map((pause) => ({ at: pause.at, run: () => takeBreak(day, pause) })),
    { at: replaceAt, run: () => workspaceReplace(day, rng, replaceTargets) },
  ].sort((a, b) => a.at - b.at);
  let replacedAt = replaceAt;

  while (day.t < dayEnd) {
    const next = pending[0];
    if (next !== undefined && day.t >= next.at) {
      pending.shift();
      if (next.at === replaceAt) replacedAt = day.t;
      next.run();
      continue;
    }
    const until = Math.min(dayEnd, next?.at ?? dayEnd);
    workOn(day, rng, chooseFile(day, rng, worked), worked, until);
  }

  const fileMap = new Map<string, DocumentDescriptor>();
  for (const file of [...worked, ...replaceTargets]) fileMap.set(file.key, file);
  return {
    seed,
    startAt,
    endAt: Math.max(dayEnd, day.t),
    workedFiles: worked,
    allFiles: [...fileMap.values()],
    events: day.events,
    replace: { at: replacedAt, files: replaceTargets.length },
    breaks,
  };
}
