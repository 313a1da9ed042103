// The session ledger on disk: what one append costs (lock, write, fsync), what a heavy year takes before and after
// the past months are compacted, and how long a year's Insights take from the files to the figures (40,000 and
// 400,000 sessions). Real files in a real folder; nothing is mocked.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeInsights } from '../../src/insights/aggregate';
import { withLedger } from '../../src/insights/ledgerSessions';
import { LEDGER_ENTRY, type LedgerEntry } from '../../src/ledger/entry';
import { Ledger } from '../../src/ledger/ledger';
import { Prng } from './prng';
import { usageOf } from './storage.bench';

export interface LedgerBenchResult {
  appendMicrosMedian: number;
  appends: number;
  year: LedgerYear;
  tenYears: LedgerYear;
}

export interface LedgerYear {
  sessions: number;
  plainBytes: number;
  compactedBytes: number;
  compactMs: number;
  /** Reading every file into entries (Ledger.read). */
  readMs: number;
  /** Reading again with nothing changed on disk (what Insights pays on every change of the feed). */
  rereadMs: number;
  /** Merging with an empty feed and computing a whole year's figures. */
  aggregateMs: number;
}

const silent = { info: () => undefined, warn: () => undefined };
const DAY = 24 * 60 * 60_000;
const YEAR_START = Date.UTC(2025, 11, 1);

function entries(count: number, days: number, random: () => number): LedgerEntry[] {
  const files = Array.from({ length: 400 }, (_, i) => `src/module${i % 40}/file${i}.ts`);
  return Array.from({ length: count }, (_, i) => {
    const startedAt = YEAR_START + Math.floor((i / count) * days * DAY) + Math.floor(random() * 60_000);
    const file = files[Math.floor(random() * files.length)];
    const active = Math.round(random() * 3_600);
    return {
      id: `${i.toString(16).padStart(8, '0')}-${Math.floor(random() * 0xffff)
        .toString(16)
        .padStart(4, '0')}-4000-8000-${Math.floor(random() * 2 ** 48)
        .toString(16)
        .padStart(12, '0')}`,
      documentUri: `file:///home/ana/src/shop/${file}`,
      startedAt,
      lastActiveAt: startedAt + active * 1000 + Math.floor(random() * 600_000),
      activeSeconds: active,
      languageId: 'typescript',
      workspaceFolderName: 'shop',
      relativePath: file,
      branch: `feature/ABC-${Math.floor(random() * 300)}`,
    };
  });
}

/** Writes the entries month by month, as windows would have (one file per window and month), then compacts. */
async function year(dir: string, count: number, days: number, random: () => number): Promise<LedgerYear> {
  fs.rmSync(dir, { recursive: true, force: true });
  const all = entries(count, days, random);
  const byMonthAndWindow = new Map<string, LedgerEntry[]>();
  for (const entry of all) {
    const key = `${new Date(entry.startedAt).toISOString().slice(0, 7)}|${Math.floor(random() * 20)}`;
    byMonthAndWindow.set(key, [...(byMonthAndWindow.get(key) ?? []), entry]);
  }
  for (const [key, batch] of byMonthAndWindow) {
    const [month, window] = key.split('|');
    const writer = new Ledger({
      dir,
      codec: LEDGER_ENTRY,
      now: () => Date.parse(`${month}-15T12:00:00Z`),
      logger: silent,
      writerId: `w${window}`,
    });
    await writer.append(batch);
  }
  const plainBytes = usageOf(dir).apparentBytes;
  const last = all[all.length - 1].startedAt + DAY;
  const ledger = new Ledger({ dir, codec: LEDGER_ENTRY, now: () => last + 31 * DAY, logger: silent, writerId: 'bench' });
  let started = performance.now();
  await ledger.compact();
  const compactMs = performance.now() - started;
  const compactedBytes = usageOf(dir).apparentBytes;
  started = performance.now();
  const read = ledger.read().entries;
  const readMs = performance.now() - started;
  started = performance.now();
  ledger.read();
  const rereadMs = performance.now() - started;
  started = performance.now();
  const sessions = withLedger([], read, {
    activityOf: () => undefined,
    fileOf: (entry) => entry.relativePath ?? entry.documentUri,
    workspaceTagOf: () => undefined,
  });
  const from = new Date(YEAR_START).toISOString().slice(0, 10);
  const to = new Date(last).toISOString().slice(0, 10);
  computeInsights(sessions, { from, to }, last);
  const aggregateMs = performance.now() - started;
  return { sessions: read.length, plainBytes, compactedBytes, compactMs, readMs, rereadMs, aggregateMs };
}

export async function benchLedger(dir: string): Promise<LedgerBenchResult> {
  const prng = new Prng(2026);
  const random = () => prng.next();
  const appendDir = path.join(dir, 'append');
  fs.rmSync(appendDir, { recursive: true, force: true });
  const appender = new Ledger({ dir: appendDir, codec: LEDGER_ENTRY, now: Date.now, logger: silent, writerId: 'bench' });
  const costs: number[] = [];
  const sample = entries(500, 30, random);
  for (const entry of sample) {
    const started = performance.now();
    await appender.append([entry]);
    costs.push((performance.now() - started) * 1000);
  }
  costs.sort((a, b) => a - b);
  return {
    appendMicrosMedian: costs[Math.floor(costs.length / 2)],
    appends: costs.length,
    year: await year(path.join(dir, 'year'), 40_000, 365, random),
    tenYears: await year(path.join(dir, 'ten-years'), 400_000, 3_650, random),
  };
}
