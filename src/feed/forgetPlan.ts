// What a "forget" deletes: which activities go whole, which sessions go one by one, and which sessions still
// waiting in the outbox are discarded with them. Pure.
import type { Session } from '../tracking/types';
import type { PublishedActivity } from './model';

export type ForgetScope =
  | { kind: 'session'; activity: PublishedActivity; sessionId: string }
  | { kind: 'activity'; activity: PublishedActivity }
  /** Every activity whose file is inside the workspace; `contains` says whether a document URI is. */
  | { kind: 'workspace'; name: string; contains: (documentUri: string) => boolean }
  /** Every session active in [from, to); an activity loses all its sessions → the activity goes whole. */
  | { kind: 'range'; from: number; to: number };

export interface ActivityDeletion {
  id: string;
  appActivityId: string;
  displayText: string;
  /** The history items that go with it. */
  sessionIds: string[];
}

export interface SessionDeletion {
  activityId: string;
  appActivityId: string;
  sessionId: string;
}

export interface ForgetPlan {
  activities: ActivityDeletion[];
  sessions: SessionDeletion[];
  /** Outbox sessions to discard. */
  pending: Session[];
  /** Graph writes the plan takes. */
  writes: number;
}

export function planForget(scope: ForgetScope, published: readonly PublishedActivity[], pending: readonly Session[]): ForgetPlan {
  const activities: ActivityDeletion[] = [];
  const sessions: SessionDeletion[] = [];
  let dropPending: (session: Session) => boolean;
  const whole = (activity: PublishedActivity) =>
    activities.push({
      id: activity.id,
      appActivityId: activity.appActivityId,
      displayText: activity.displayText,
      sessionIds: activity.sessions.map((s) => s.id),
    });

  switch (scope.kind) {
    case 'session': {
      const { activity, sessionId } = scope;
      // The last session of an activity takes the activity with it: an activity with no history is noise in the feed.
      const others = activity.sessions.filter((s) => s.id !== sessionId);
      if (others.length === 0 && activity.sessions.length > 0) whole(activity);
      else sessions.push({ activityId: activity.id, appActivityId: activity.appActivityId, sessionId });
      dropPending = (session) => session.id === sessionId;
      break;
    }
    case 'activity': {
      whole(scope.activity);
      const uri = scope.activity.documentUri;
      const ids = new Set(scope.activity.sessions.map((s) => s.id));
      dropPending = (session) => session.documentUri === uri || ids.has(session.id);
      break;
    }
    case 'workspace': {
      for (const activity of published) if (activity.documentUri && scope.contains(activity.documentUri)) whole(activity);
      dropPending = (session) => scope.contains(session.documentUri);
      break;
    }
    case 'range': {
      const inRange = (s: { startedAt: number; lastActiveAt: number }) => s.lastActiveAt >= scope.from && s.startedAt < scope.to;
      for (const activity of published) {
        const hit = activity.sessions.filter(inRange);
        if (hit.length === 0) continue;
        if (hit.length === activity.sessions.length) whole(activity);
        else
          for (const s of hit) sessions.push({ activityId: activity.id, appActivityId: activity.appActivityId, sessionId: s.id });
      }
      dropPending = inRange;
      break;
    }
  }
  const goneIds = new Set(sessions.map((s) => s.sessionId));
  const discarded = pending.filter((session) => dropPending(session) || goneIds.has(session.id));
  return { activities, sessions, pending: discarded, writes: activities.length + sessions.length };
}

export function isEmptyPlan(plan: ForgetPlan): boolean {
  return plan.writes === 0 && plan.pending.length === 0;
}
