// Everything the Insights panel shows, computed from the flat list of sessions for one query. Pure, so each figure
// can be checked against an independent computation; the webview only renders what this returns.
// A session counts on the local day and in the hour it started.
import { localize } from '../text/l10n';
import { addDays, dayKey, daysBetween, startOfDay, weekStart } from './calendar';
import { InsightSession, workspaceLabel } from './sessions';

export interface InsightsQuery {
  /** First and last day of the range, both included (local day keys). */
  from: string;
  to: string;
  /** A workspace key (see InsightSession.workspaceKey) or undefined for all. */
  workspace?: string;
  language?: string;
  /** A git branch or ticket key; NO_BRANCH / NO_TICKET for the sessions without one. */
  branch?: string;
  ticket?: string;
}

export interface Named {
  key: string;
  label: string;
  seconds: number;
}

export interface FileTotal extends Named {
  workspace: string;
  language: string;
  sessions: number;
}

export interface DayTotal {
  day: string;
  seconds: number;
  /** Seconds per stack key (see Insights.stacks). */
  byStack: Record<string, number>;
}

export interface LongSession {
  id: string;
  file: string;
  workspace: string;
  startedAt: number;
  lastActiveAt: number;
  seconds: number;
  thisMachine: boolean;
}

export interface Insights {
  query: InsightsQuery;
  totals: { today: number; week: number; range: number; dailyAverage: number; days: number };
  /** What the bars are stacked by: workspaces, or languages when no session names or tags a workspace. */
  stackBy: 'workspace' | 'language';
  /** The stacks, largest first; the smallest are folded into OTHER_STACK beyond MAX_STACKS. */
  stacks: Named[];
  days: DayTotal[];
  topFiles: FileTotal[];
  topWorkspaces: Named[];
  topLanguages: Named[];
  /** This machine's sessions carry their branch (and the ticket found in it); other machines' are without. */
  topBranches: Named[];
  topTickets: Named[];
  /** heatmap[weekday (0 = Monday)][hour] = seconds. */
  heatmap: number[][];
  longestSessions: LongSession[];
  machines: { thisMachine: number; all: number };
  /** What the filters offer: every workspace and language seen in the range, whatever the other filters. */
  options: { workspaces: Named[]; languages: Named[]; branches: Named[]; tickets: Named[] };
}

export const MAX_STACKS = 8;
export const OTHER_STACK = '\uffffother';
export const TOP_COUNT = 10;
const NO_WORKSPACE = '\uffffnone';
export const NO_BRANCH = '\uffffno-branch';
export const NO_TICKET = '\uffffno-ticket';

const branchKeyOf = (s: InsightSession) => s.branch ?? NO_BRANCH;
const ticketKeyOf = (s: InsightSession) => s.ticket ?? NO_TICKET;

export function workspaceKeyOf(session: InsightSession): string {
  return session.workspaceKey ?? NO_WORKSPACE;
}

/**
 * The instants a range of local days covers: from the first day's midnight to the midnight after the last. Comparing
 * a session's start with these is the same as comparing its day key, without a Date per session (which is most of
 * what a year's figures would cost).
 */
export function rangeBounds(from: string, to: string): { start: number; end: number } {
  return { start: startOfDay(from), end: startOfDay(addDays(to, 1)) };
}

/** The sessions a query selects: started within the range, in the chosen workspace and language. */
export function selectSessions(sessions: readonly InsightSession[], query: InsightsQuery, ignoreRange = false): InsightSession[] {
  const { start, end } = rangeBounds(query.from, query.to);
  return sessions.filter((s) => {
    if (query.workspace !== undefined && workspaceKeyOf(s) !== query.workspace) return false;
    if (query.language !== undefined && s.language !== query.language) return false;
    if (query.branch !== undefined && branchKeyOf(s) !== query.branch) return false;
    if (query.ticket !== undefined && ticketKeyOf(s) !== query.ticket) return false;
    return ignoreRange || (s.startedAt >= start && s.startedAt < end);
  });
}

/** The index of the day (of `midnights`, ascending) an instant falls in; -1 before the first. */
function dayIndex(midnights: readonly number[], epochMs: number): number {
  let low = 0;
  let high = midnights.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (midnights[middle] <= epochMs) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

function sum(sessions: readonly InsightSession[]): number {
  return sessions.reduce((total, s) => total + s.activeSeconds, 0);
}

function totalsBy(
  sessions: readonly InsightSession[],
  keyOf: (s: InsightSession) => string,
  labelOf: (s: InsightSession) => string,
): Named[] {
  const groups = new Map<string, Named>();
  for (const s of sessions) {
    const key = keyOf(s);
    const group = groups.get(key) ?? { key, label: labelOf(s), seconds: 0 };
    group.seconds += s.activeSeconds;
    groups.set(key, group);
  }
  return [...groups.values()].sort(bySecondsThenLabel);
}

/** Each file's time and session count. */
function fileTotals(sessions: readonly InsightSession[]): FileTotal[] {
  const files = new Map<string, FileTotal>();
  for (const s of sessions) {
    const file = files.get(s.activityId) ?? {
      key: s.activityId,
      label: s.file,
      workspace: workspaceLabel(s),
      language: s.language,
      seconds: 0,
      sessions: 0,
    };
    file.seconds += s.activeSeconds;
    file.sessions += 1;
    files.set(s.activityId, file);
  }
  return [...files.values()];
}

function longerFirst(a: InsightSession, b: InsightSession): number {
  return b.activeSeconds - a.activeSeconds || a.startedAt - b.startedAt;
}

/** The longest sessions, longest first (the earlier of two equal ones first); kept as it goes, not by sorting all. */
function longestSessions(sessions: readonly InsightSession[]): Insights['longestSessions'] {
  const top: InsightSession[] = [];
  for (const s of sessions) {
    if (top.length === TOP_COUNT && longerFirst(s, top[TOP_COUNT - 1]) >= 0) continue;
    let at = top.length;
    while (at > 0 && longerFirst(s, top[at - 1]) < 0) at--;
    top.splice(at, 0, s);
    if (top.length > TOP_COUNT) top.pop();
  }
  return top.map((s) => ({
    id: s.id,
    file: s.file,
    workspace: workspaceLabel(s),
    startedAt: s.startedAt,
    lastActiveAt: s.lastActiveAt,
    seconds: s.activeSeconds,
    thisMachine: s.thisMachine,
  }));
}

function bySecondsThenLabel(a: Named, b: Named): number {
  return b.seconds - a.seconds || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

export function computeInsights(all: readonly InsightSession[], query: InsightsQuery, now: number): Insights {
  const inRangeAnyFilter = selectSessions(all, { from: query.from, to: query.to });
  const inRange = selectSessions(inRangeAnyFilter, query, true);
  const today = dayKey(now);
  const thisWeek = selectSessions(all, { ...query, from: weekStart(today), to: today });
  const todayStart = startOfDay(today);
  const days = daysBetween(query.from, query.to);
  const midnights = days.map(startOfDay);

  const stackBy = inRange.some((s) => s.workspaceKey !== undefined) ? 'workspace' : 'language';
  const stackKeyOf = stackBy === 'workspace' ? workspaceKeyOf : (s: InsightSession) => s.language;
  const stackLabelOf = stackBy === 'workspace' ? workspaceLabel : (s: InsightSession) => s.language;
  const allStacks = totalsBy(inRange, stackKeyOf, stackLabelOf);
  const kept = allStacks.length > MAX_STACKS ? allStacks.slice(0, MAX_STACKS - 1) : allStacks;
  const keptKeys = new Set(kept.map((s) => s.key));
  const folded = allStacks.filter((s) => !keptKeys.has(s.key));
  const stacks =
    folded.length > 0
      ? [...kept, { key: OTHER_STACK, label: localize('Other'), seconds: folded.reduce((n, s) => n + s.seconds, 0) }]
      : kept;

  const perDay: DayTotal[] = days.map((day) => ({ day, seconds: 0, byStack: {} }));
  const heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const s of inRange) {
    const entry = perDay[dayIndex(midnights, s.startedAt)] as DayTotal | undefined;
    if (entry) {
      const key = keptKeys.has(stackKeyOf(s)) ? stackKeyOf(s) : OTHER_STACK;
      entry.seconds += s.activeSeconds;
      entry.byStack[key] = (entry.byStack[key] ?? 0) + s.activeSeconds;
    }
    const started = new Date(s.startedAt);
    heatmap[(started.getDay() + 6) % 7][started.getHours()] += s.activeSeconds;
  }

  const rangeSeconds = sum(inRange);
  return {
    query,
    totals: {
      today: sum(thisWeek.filter((s) => s.startedAt >= todayStart)),
      week: sum(thisWeek),
      range: rangeSeconds,
      dailyAverage: days.length > 0 ? Math.round(rangeSeconds / days.length) : 0,
      days: days.length,
    },
    stackBy,
    stacks,
    days: perDay,
    topFiles: fileTotals(inRange).sort(bySecondsThenLabel).slice(0, TOP_COUNT),
    topWorkspaces: totalsBy(inRange, workspaceKeyOf, workspaceLabel).slice(0, TOP_COUNT),
    topLanguages: totalsBy(
      inRange,
      (s) => s.language,
      (s) => s.language,
    ).slice(0, TOP_COUNT),
    topBranches: totalsBy(inRange, branchKeyOf, (s) => s.branch ?? localize('No branch')).slice(0, TOP_COUNT),
    topTickets: totalsBy(inRange, ticketKeyOf, (s) => s.ticket ?? localize('No ticket')).slice(0, TOP_COUNT),
    heatmap,
    longestSessions: longestSessions(inRange),
    machines: { thisMachine: sum(inRange.filter((s) => s.thisMachine)), all: rangeSeconds },
    options: {
      workspaces: totalsBy(
        selectSessions(inRangeAnyFilter, { ...query, workspace: undefined }, true),
        workspaceKeyOf,
        workspaceLabel,
      ),
      languages: totalsBy(
        selectSessions(inRangeAnyFilter, { ...query, language: undefined }, true),
        (s) => s.language,
        (s) => s.language,
      ),
      branches: totalsBy(
        selectSessions(inRangeAnyFilter, { ...query, branch: undefined }, true),
        branchKeyOf,
        (s) => s.branch ?? localize('No branch'),
      ),
      tickets: totalsBy(
        selectSessions(inRangeAnyFilter, { ...query, ticket: undefined }, true),
        ticketKeyOf,
        (s) => s.ticket ?? localize('No ticket'),
      ),
    },
  };
}
