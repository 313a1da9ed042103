// Steps shared by the crash phases inside the editor.
import * as assert from 'node:assert/strict';
import type { LoggedRequest } from '../../tools/graph-emulator/adminRoutes';
import type { ActivityFeedApi } from '../../src/app/api';
import type { Session } from '../../src/tracking/types';
import { EmulatorAdminClient } from '../support/emulatorAdmin';
import { sleep, waitFor } from '../integration/helpers';

export interface CrashTruth {
  /** Every session of the run, as queued before the first kill. */
  sessions: Session[];
  /** Epoch ms when the marker was written: anything that starts later belongs to a later editor run. */
  at: number;
}

/**
 * Sessions that a later editor run produced itself (the workbench restores the last editors, and reading one
 * counts as activity): part of the ground truth from then on, provided they really started after `since`.
 */
export function laterSessions(pending: readonly Session[], known: readonly Session[], since: number): Session[] {
  const knownIds = new Set(known.map((s) => s.id));
  const extra = pending.filter((s) => !knownIds.has(s.id));
  assert.deepEqual(
    extra.filter((s) => s.startedAt < since).map((s) => s.id),
    [],
    'no session from before the restart appeared out of nowhere',
  );
  return extra;
}

export function isActivityPut(request: LoggedRequest): boolean {
  return request.server === 'graph' && request.method === 'PUT' && request.url.startsWith('/v1.0/me/activities/');
}

export async function heldIds(admin: EmulatorAdminClient): Promise<string[]> {
  return (await admin.activities()).flatMap((a) => a.historyItems.map((h) => h.id.toLowerCase()));
}

/**
 * The times that identify a held session whatever id it is held under: a service that ignores client ids stores a
 * deep-inserted session under an id of its own, so only its start and end say which session it is.
 */
export function timesOf(item: { startedDateTime: string; lastActiveDateTime?: string | null }): string {
  return `${item.startedDateTime}..${item.lastActiveDateTime ?? ''}`;
}

export async function heldTimes(admin: EmulatorAdminClient): Promise<string[]> {
  return (await admin.activities()).flatMap((a) => a.historyItems.map(timesOf));
}

export async function signedInFromCache(api: ActivityFeedApi): Promise<void> {
  await waitFor(
    'the extension to sign in from its token cache',
    () => (api.auth.state.kind === 'signedIn' ? true : undefined),
    30_000,
  );
}

/** Stays here until the harness kills the extension host; failing only if it never comes. */
export async function awaitKill(): Promise<never> {
  await sleep(240_000);
  assert.fail('the harness did not kill the extension host');
}
