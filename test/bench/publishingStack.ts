// The extension's publishing path, wired the way src/extension.vscode.ts wires it, but on a virtual clock and against the
// local Graph emulator: real Outbox on disk, PublishLock, PublishedIndex, RequestBudget, GraphClient, Publisher and
// PublishScheduler with the default settings. Only the editor-facing glue (which needs `vscode`) is replaced: the
// mapping input per document is built from the session alone, as at the `fileNameOnly` privacy level.
import * as fs from 'node:fs';
import type { ActivityInput, MappingOptions } from '../../src/activity/types';
import { FIVE_MINUTES, ONE_DAY, RequestBudget } from '../../src/graph/budget';
import { GraphClient } from '../../src/graph/client';
import { Outbox } from '../../src/outbox/outbox';
import { PublishedIndex } from '../../src/outbox/publishedIndex';
import { PublishLock } from '../../src/outbox/publishLock';
import { planRequests, sessionsByDocument, type Plan } from '../../src/publish/plan';
import { Publisher, type PublishSummary } from '../../src/publish/publisher';
import { MemoryServiceFacts } from '../../src/publish/serviceFacts';
import { runPolicyFor } from '../../src/publish/runPolicy';
import { PublishScheduler, type RunReason } from '../../src/publish/scheduler';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/validSettings';
import type { Session } from '../../src/tracking/types';
import {
  DEFAULT_CLIENT_ID,
  PROFILES,
  startEmulator,
  type ProfileName,
  type RunningEmulator,
  type ThrottlingOptions,
} from '../../tools/graph-emulator';
import type { VirtualClock } from '../support/clock';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export interface StackOptions {
  clock: VirtualClock;
  /** Outbox folder; emptied first. */
  dir: string;
  settings?: Settings;
  /** Overrides the outbox cap (default: the publish.maxQueuedSessions setting). */
  maxQueuedSessions?: number;
  /** The emulator's service limits; default on (100 writes / 5 min, 8,000 / day). */
  throttling?: Partial<ThrottlingOptions>;
  /** The running session to put in the outbox before each run, as the extension does. */
  currentSession?: () => Session | undefined;
  minimumSessionSeconds?: number;
  /** How the emulated service answers the undocumented questions; default 'documented'. The publisher knows the answers, as after Check Microsoft Graph. */
  profile?: ProfileName;
}

export interface RunRecord {
  at: number;
  reason: RunReason;
  summary: PublishSummary;
}

export interface GraphWrite {
  /** Virtual epoch ms at which the emulator received it. */
  at: number;
  status: number;
  /** Ids of the history items the write carried: deep-inserted ones, or the one a PUT …/historyItems/{id} names. */
  historyItemIds: string[];
}

export interface PublishingStack {
  readonly emulator: RunningEmulator;
  readonly outbox: Outbox;
  readonly budget: RequestBudget;
  readonly scheduler: PublishScheduler;
  readonly runs: RunRecord[];
  /** Errors of scheduled runs (there should be none). */
  readonly errors: unknown[];
  /** Every write (PUT or DELETE) the emulator received, in order. */
  writes(): GraphWrite[];
  close(): Promise<void>;
}

function mappingOptions(settings: Settings, now: number): MappingOptions {
  return {
    privacy: settings.content.privacy,
    activitySourceHost: settings.content.activitySourceHost,
    backgroundColor: settings.content.backgroundColor,
    uriScheme: 'vscode',
    appName: 'Visual Studio Code',
    timezone: 'UTC',
    idKey: 'bench-id-key-0123456789abcdef',
    now,
  };
}

/** Groups by document, as the extension's Publishing service does, and plans one PUT per activity. */
function planFor(sessions: readonly Session[], settings: Settings, now: number, graphUrl: string): Plan {
  const inputs: ActivityInput[] = [...sessionsByDocument(sessions)].map(([documentUri, group]) => {
    const last = group[group.length - 1];
    return {
      documentUri,
      workspaceFolderName: 'project',
      languageId: last.languageId,
      ...(last.cursor ? { cursor: last.cursor } : {}),
      sessions: group,
    };
  });
  return planRequests(inputs, mappingOptions(settings, now), graphUrl);
}

export async function startPublishingStack(options: StackOptions): Promise<PublishingStack> {
  const { clock, dir } = options;
  const settings = options.settings ?? DEFAULT_SETTINGS;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const profile = options.profile ?? 'documented';
  const emulator = await startEmulator({ now: () => clock.now(), auth: false, throttling: options.throttling ?? {}, profile });
  const answers = PROFILES[profile];

  const outbox = new Outbox({
    dir,
    clock,
    logger: silent,
    maxSessions: options.maxQueuedSessions ?? settings.publish.maxQueuedSessions,
  });
  const lock = new PublishLock({ dir, clock });
  const published = new PublishedIndex({ dir, clock, logger: silent });
  const budget = new RequestBudget(
    [
      { max: settings.graph.writesPerFiveMinutes, windowMs: FIVE_MINUTES },
      { max: settings.graph.writesPerDay, windowMs: ONE_DAY },
    ],
    clock,
  );
  let token: { value: string; expiresAt: number } | undefined;
  const credential = {
    getToken: () => {
      if (token === undefined || token.expiresAt <= clock.now() + 60_000) {
        token = { value: emulator.admin.mintAccessToken({ clientId: DEFAULT_CLIENT_ID }), expiresAt: clock.now() + 30 * 60_000 };
      }
      return Promise.resolve({ token: token.value, expiresOnTimestamp: token.expiresAt });
    },
  };
  const graph = () =>
    new GraphClient({
      credential,
      baseUrl: emulator.graphUrl,
      userAgent: 'activity-feed-bench',
      logger: silent,
      timeoutMs: settings.graph.requestTimeoutSeconds * 1000,
      retry: { maxAttempts: settings.graph.maxAttempts },
      writeBudget: budget,
      clock,
    });
  const publisher = new Publisher({
    outbox,
    lock,
    published,
    graph,
    writeBudget: budget,
    plan: (sessions) => planFor(sessions, settings, clock.now(), emulator.graphUrl),
    now: () => clock.now(),
    log: silent,
    service: new MemoryServiceFacts({
      historyIds: answers.historyIds,
      replace: answers.replace,
      encodedSlash: answers.encodedSlash,
    }),
  });

  const runs: RunRecord[] = [];
  const errors: unknown[] = [];
  const runPublish = async (reason: RunReason): Promise<PublishSummary> => {
    // As the extension does: the running session goes out as it is now, once it is long enough to be kept.
    const policy = runPolicyFor(reason);
    const current = policy.snapshotRunning ? options.currentSession?.() : undefined;
    if (current && current.activeSeconds >= Math.max(1, options.minimumSessionSeconds ?? 10)) outbox.put(current);
    const at = clock.now();
    const summary = await publisher.run({
      skipAfterPermanentFailures: policy.skipAfterPermanentFailures,
      ongoing: policy.ongoing,
    });
    runs.push({ at, reason, summary });
    return summary;
  };
  const scheduler = new PublishScheduler({
    run: (reason) => clock.track(runPublish(reason)),
    settings: () => settings.publish,
    now: () => clock.now(),
    timers: clock,
    onError: (error) => errors.push(error),
  });

  const writes = (): GraphWrite[] =>
    emulator.admin
      .requests()
      .filter((r) => r.server === 'graph' && (r.method === 'PUT' || r.method === 'DELETE'))
      .map((r) => ({
        at: Date.parse(r.at),
        status: r.status,
        historyItemIds: r.method === 'DELETE' ? [] : historyItemIds(r.url, r.body),
      }));

  return {
    emulator,
    outbox,
    budget,
    scheduler,
    runs,
    errors,
    writes,
    close: async () => {
      scheduler.dispose();
      await emulator.close();
    },
  };
}

function historyItemIds(url: string, body: string): string[] {
  const single = /\/historyItems\/([^/?]+)$/.exec(url);
  if (single) return [decodeURIComponent(single[1])];
  try {
    const parsed = JSON.parse(body) as { historyItems?: unknown };
    if (!Array.isArray(parsed.historyItems)) return [];
    return parsed.historyItems.map((item: unknown) =>
      typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string' ? item.id : '',
    );
  } catch {
    return [];
  }
}
