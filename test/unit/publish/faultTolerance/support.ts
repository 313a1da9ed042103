// Shared pieces of the fault tests below the editor: a seeded PRNG (the clock and logger are the kit's, test/support), the
// real Publisher wired to the real Outbox and the real Graph client against the emulator, and ground-truth checks.
import * as assert from 'node:assert/strict';
import type { MappingOptions } from '../../../../src/activity/types';
import { toHistoryItem } from '../../../../src/activity/historyItems';
import { GraphClient } from '../../../../src/graph/client';
import { RequestBudget } from '../../../../src/graph/budget';
import type { WaitingClock } from '../../../../src/platform/ports';
import { Outbox } from '../../../../src/outbox/outbox';
import { PublishedIndex } from '../../../../src/outbox/publishedIndex';
import { PublishLock } from '../../../../src/outbox/publishLock';
import { planRequests, sessionsByDocument } from '../../../../src/publish/plan';
import { Publisher } from '../../../../src/publish/publisher';
import type { ServiceFactsStore } from '../../../../src/publish/serviceFacts';
import type { Session } from '../../../../src/tracking/types';
import { DEFAULT_CLIENT_ID, RunningEmulator } from '../../../../tools/graph-emulator';
import { silentLogger } from '../../../support/logger';

/** mulberry32: small, fast and good enough to pick faults; the same seed gives the same dice. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function mappingOptions(): MappingOptions {
  return {
    privacy: 'fileNameOnly',
    activitySourceHost: 'https://activity-feed.github.io',
    uriScheme: 'vscode',
    appName: 'Visual Studio Code',
    idKey: '0123456789abcdef0123',
    timezone: 'UTC',
    now: Date.now(),
  };
}

/** Where the publisher sends, and the token it sends: the emulator in this process, or one reached over HTTP. */
export interface GraphTarget {
  graphUrl: string;
  token(): string;
}

export function emulatorTarget(emulator: RunningEmulator): GraphTarget {
  return { graphUrl: emulator.graphUrl, token: () => emulator.admin.mintAccessToken({ clientId: DEFAULT_CLIENT_ID }) };
}

export interface PublisherSetup {
  target: GraphTarget;
  dir: string;
  outbox: Outbox;
  clock: WaitingClock;
  /** Per attempt, real milliseconds. */
  timeoutMs?: number;
  maxAttempts?: number;
  random?: () => number;
  log?: { info(message: string): void; warn(message: string): void };
  /** What the publisher knows about the service; default: nothing yet. */
  service?: ServiceFactsStore;
  confirmAfterMs?: number;
  /** Default: a budget too large to matter. */
  budget?: RequestBudget;
  mapping?: Partial<MappingOptions>;
}

/** The real Publisher as the extension builds it, below the editor. */
export function makePublisher(setup: PublisherSetup): Publisher {
  const { target, dir, outbox, clock } = setup;
  const budget = setup.budget ?? new RequestBudget([{ max: 100_000, windowMs: 300_000 }], clock);
  return new Publisher({
    outbox,
    lock: new PublishLock({ dir, clock: { now: Date.now } }),
    published: new PublishedIndex({ dir, clock: { now: Date.now }, logger: silentLogger }),
    graph: () =>
      new GraphClient({
        baseUrl: target.graphUrl,
        userAgent: 'faults-test',
        credential: { getToken: () => Promise.resolve({ token: target.token(), expiresOnTimestamp: clock.now() + 3_600_000 }) },
        retry: { maxAttempts: setup.maxAttempts ?? 4 },
        timeoutMs: setup.timeoutMs ?? 5_000,
        writeBudget: budget,
        clock,
        random: setup.random,
      }),
    writeBudget: budget,
    plan: (sessions) => {
      return planRequests(
        [...sessionsByDocument(sessions)].map(([documentUri, group]) => ({
          documentUri,
          languageId: 'typescript',
          sessions: group,
        })),
        { ...mappingOptions(), ...setup.mapping },
        target.graphUrl,
      );
    },
    now: () => clock.now(),
    log: setup.log ?? silentLogger,
    service: setup.service,
    confirmAfterMs: setup.confirmAfterMs,
  });
}

/** Every Graph request after an answer with Retry-After was sent only once that wait was over. */
export function assertNothingSentBeforeRetryAfter(emulator: RunningEmulator): void {
  const graph = emulator.admin.requests().filter((r) => r.server === 'graph');
  const early: string[] = [];
  let notBefore = 0;
  for (const request of graph) {
    const at = Date.parse(request.at);
    if (at < notBefore) early.push(`${request.method} ${request.url} at ${request.at}, ${notBefore - at} ms early`);
    if (request.retryAfter !== undefined) notBefore = Math.max(notBefore, at + Math.round(Number(request.retryAfter) * 1000));
  }
  assert.deepEqual(early, [], 'no request goes before the Retry-After it was given has ended');
}

/** History items as Graph holds them: id → how many times it is held, and the item itself. */
export function heldItems(
  emulator: RunningEmulator,
): Map<
  string,
  { count: number; startedDateTime: string; lastActiveDateTime: string | null; activeDurationSeconds: number | null }
> {
  const held = new Map<
    string,
    { count: number; startedDateTime: string; lastActiveDateTime: string | null; activeDurationSeconds: number | null }
  >();
  for (const activity of emulator.state.all()) {
    for (const item of activity.historyItems) {
      const key = item.id.toLowerCase();
      const previous = held.get(key);
      held.set(key, {
        count: (previous?.count ?? 0) + 1,
        startedDateTime: item.startedDateTime,
        lastActiveDateTime: item.lastActiveDateTime ?? null,
        activeDurationSeconds: item.activeDurationSeconds ?? null,
      });
    }
  }
  return held;
}

/** Graph holds every session of the ground truth exactly once, with its times, and nothing else. */
export function assertPublishedExactlyOnce(emulator: RunningEmulator, truth: readonly Session[]): void {
  const held = heldItems(emulator);
  const duplicates = [...held].filter(([, item]) => item.count !== 1).map(([id, item]) => `${id} ×${item.count}`);
  assert.deepEqual(duplicates, [], 'no history item is held twice');
  assert.deepEqual(
    [...held.keys()].sort(),
    truth.map((s) => s.id.toLowerCase()).sort(),
    'Graph holds exactly the sessions of the run',
  );
  for (const session of truth) {
    const expected = toHistoryItem(session);
    const item = held.get(session.id.toLowerCase());
    assert.deepEqual(
      [item?.startedDateTime, item?.lastActiveDateTime, item?.activeDurationSeconds],
      [expected.startedDateTime, expected.lastActiveDateTime, expected.activeDurationSeconds],
      `times of session ${session.id}`,
    );
  }
}
