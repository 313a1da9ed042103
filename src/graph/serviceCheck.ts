// Check Microsoft Graph: finds out, against the signed-in service, how it answers the questions its documentation
// leaves open, with dedicated probe activities that are deleted afterwards. Every write it makes is counted in
// advance (PROBE_WRITES) so a person can agree to spend them. Pure: no editor imports.
import type { HistoryItemWithId, UpsertActivityResult } from './client';
import { GraphError } from './errors';
import type { UserActivityRequest, UserActivityResponse } from './types';

export interface ProbeGraph {
  upsertActivity(activity: UserActivityRequest, signal?: AbortSignal): Promise<UpsertActivityResult>;
  deleteActivity(activityId: string, signal?: AbortSignal): Promise<boolean>;
  deleteHistoryItem(activityId: string, historyItemId: string, signal?: AbortSignal): Promise<boolean>;
  listActivities(options?: { signal?: AbortSignal }): Promise<UserActivityResponse[]>;
}

export interface ServiceCheckResult {
  checkedAt: number;
  endpoint: string;
  historyIds: 'honoured' | 'ignored';
  replace: 'keeps' | 'drops';
  encodedSlash: 'accepted' | 'rejected';
  order: 'newest' | 'oldest';
  errors: 'real' | 'generic';
  /**
   * A history item's client-set expirationDateTime: kept as asked, cut to the service's own retention when later, or
   * replaced by it. 'unchecked' in results stored by versions that did not ask.
   */
  clientExpiration: ClientExpiration | 'unchecked';
  /** Not found out: it would take the account's whole write allowance. */
  throttled: 'unchecked';
  /** What the service actually answered, for the report. */
  evidence: {
    encodedSlashAnswer: string;
    errorAnswer: string;
    /** The expiration the far probe item was asked for and the one the service kept. */
    expirationAnswer?: string;
  };
  writes: number;
}

/**
 * Writes the check uses at most: create the first probe, replace it, create the second, the %2F probe (and its
 * delete when the service accepts it), one refused request for the error shape, and deleting the two probes.
 */
export const PROBE_WRITES = 8;

export type ClientExpiration = 'honoured' | 'capped' | 'ignored';

/** How far ahead the probe items ask to be kept: one far past any retention seen, one well inside it. */
const FAR_EXPIRATION_DAYS = 400;
const NEAR_EXPIRATION_DAYS = 7;
const DAY_MS = 24 * 60 * 60_000;

export interface CheckOptions {
  graph: ProbeGraph;
  endpoint: string;
  activitySourceHost: string;
  activationUrl: string;
  now(): number;
  newGuid(): string;
  signal?: AbortSignal;
  onStep?: (step: string) => void;
}

/** Every probe activity's id starts so; the feed's reader leaves them out (src/feed/publishedFeed.ts). */
export const PROBE_ACTIVITY_PREFIX = 'activity-feed-check-';

/** A probe of Check Microsoft Graph (one left behind when its delete failed): not anyone's work. */
export function isServiceCheckProbe(appActivityId: string): boolean {
  return appActivityId.startsWith(PROBE_ACTIVITY_PREFIX);
}

export async function checkService(options: CheckOptions): Promise<ServiceCheckResult> {
  const { graph, signal } = options;
  const tag = options.newGuid().replace(/-/g, '').slice(0, 12);
  const probeId = (suffix: string) => `${PROBE_ACTIVITY_PREFIX}${tag}-${suffix}`;
  const probe = (appActivityId: string, items?: HistoryItemWithId[]): UserActivityRequest => ({
    appActivityId,
    activitySourceHost: options.activitySourceHost,
    activationUrl: options.activationUrl,
    visualElements: { displayText: 'Activity Feed: checking Microsoft Graph (deleted right away)' },
    ...(items ? { historyItems: items } : {}),
  });
  const item = (minutesAgo: number): HistoryItemWithId => {
    const started = new Date(options.now() - minutesAgo * 60_000);
    return {
      id: options.newGuid(),
      startedDateTime: started.toISOString(),
      lastActiveDateTime: new Date(started.getTime() + 60_000).toISOString(),
    };
  };
  let writes = 0;
  const write = async <T>(call: () => Promise<T>): Promise<T> => {
    writes++;
    return call();
  };
  const created: string[] = [];
  try {
    options.onStep?.('history item ids');
    const first = item(10);
    const p1 = await write(() => graph.upsertActivity(probe(probeId('a'), [first]), signal));
    created.push(p1.id);
    const historyIds = p1.returnedItems.some((h) => h.id.toLowerCase() === first.id.toLowerCase()) ? 'honoured' : 'ignored';
    const firstStoredId = historyIds === 'honoured' ? first.id : (p1.returnedItems[0]?.id ?? first.id);

    options.onStep?.('replacing PUT');
    await write(() => graph.upsertActivity(probe(probeId('a'), [item(5)]), signal));

    options.onStep?.('list order, and how long history is kept');
    const far = { ...item(3), expirationDateTime: new Date(options.now() + FAR_EXPIRATION_DAYS * DAY_MS).toISOString() };
    const near = { ...item(2), expirationDateTime: new Date(options.now() + NEAR_EXPIRATION_DAYS * DAY_MS).toISOString() };
    const p2 = await write(() => graph.upsertActivity(probe(probeId('b'), [far, near]), signal));
    created.push(p2.id);

    options.onStep?.('%2F in an id');
    const { encodedSlash, encodedSlashAnswer } = await probeEncodedSlash(() =>
      write(() => graph.upsertActivity(probe(`${probeId('c')}/slash`), signal)).then((slashed) => {
        created.push(slashed.id);
        return slashed;
      }),
    );

    options.onStep?.('error shape');
    const { errors, errorAnswer } = await probeErrorShape(() =>
      write(() => graph.deleteHistoryItem(p1.id, 'not-a-guid', signal)),
    );

    options.onStep?.('reading back');
    const listed = await graph.listActivities({ signal });
    const held = listed.find((a) => a.id === p1.id);
    const replace = held?.historyItems?.some((h) => h.id.toLowerCase() === firstStoredId.toLowerCase()) ? 'keeps' : 'drops';
    const position = (id: string) => listed.findIndex((a) => a.id === id);
    const order = position(p2.id) < position(p1.id) ? 'newest' : 'oldest';
    const kept = keptExpirations(listed.find((a) => a.id === p2.id)?.historyItems ?? [], far, near);
    return {
      checkedAt: options.now(),
      endpoint: options.endpoint,
      historyIds,
      replace,
      encodedSlash,
      order,
      errors,
      clientExpiration: kept.clientExpiration,
      throttled: 'unchecked',
      evidence: { encodedSlashAnswer, errorAnswer, expirationAnswer: kept.expirationAnswer },
      writes: writes + created.length,
    };
  } finally {
    options.onStep?.('deleting the probes');
    for (const id of created) {
      try {
        await graph.deleteActivity(id, signal);
      } catch {
        // Left behind: the report's caller logs the probes' ids; they expire with the activity feed's retention.
      }
    }
  }
}

/**
 * What the service did with the expirations the two probe items asked for (found by their start time: the service may
 * have given them ids of its own). The far one kept: honoured; only the near one kept: capped; neither: ignored.
 */
function keptExpirations(
  items: readonly { startedDateTime?: string; expirationDateTime?: string }[],
  far: HistoryItemWithId & { expirationDateTime: string },
  near: HistoryItemWithId & { expirationDateTime: string },
): { clientExpiration: ClientExpiration; expirationAnswer: string } {
  const keptFor = (asked: HistoryItemWithId) =>
    items.find((h) => Date.parse(h.startedDateTime ?? '') === Date.parse(asked.startedDateTime))?.expirationDateTime;
  const same = (kept: string | undefined, asked: string) =>
    kept !== undefined && Math.abs(Date.parse(kept) - Date.parse(asked)) < 1_000;
  const farKept = keptFor(far);
  const clientExpiration = same(farKept, far.expirationDateTime)
    ? 'honoured'
    : same(keptFor(near), near.expirationDateTime)
      ? 'capped'
      : 'ignored';
  return { clientExpiration, expirationAnswer: `asked ${far.expirationDateTime}, kept ${farKept ?? 'none'}` };
}

function describe(error: GraphError): string {
  return `${error.status} ${error.code}${error.target ? ` (target ${error.target})` : ''}`;
}

/** Whether the service takes an id with %2F in it (the live front door refuses it), and what it answered. */
async function probeEncodedSlash(
  put: () => Promise<{ created: boolean }>,
): Promise<{ encodedSlash: 'accepted' | 'rejected'; encodedSlashAnswer: string }> {
  try {
    const slashed = await put();
    return { encodedSlash: 'accepted', encodedSlashAnswer: slashed.created ? '201' : '200' };
  } catch (error) {
    if (!(error instanceof GraphError) || (error.status !== 400 && error.status !== 404)) throw error;
    return { encodedSlash: 'rejected', encodedSlashAnswer: describe(error) };
  }
}

/** Whether a refused request names its real error (BadRequest, ResourceNotFound) or a generic one, and the answer. */
async function probeErrorShape(refused: () => Promise<unknown>): Promise<{ errors: 'real' | 'generic'; errorAnswer: string }> {
  try {
    await refused();
    return { errors: 'real', errorAnswer: '2xx' };
  } catch (error) {
    if (!(error instanceof GraphError) || error.status === 0 || error.status === 429 || error.status === 401) throw error;
    const errors = error.code === 'invalidRequest' && error.target !== undefined ? 'generic' : 'real';
    return { errors, errorAnswer: describe(error) };
  }
}
