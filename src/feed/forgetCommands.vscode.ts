// Forget: deletes from Graph what the person picks (a session, an activity, a workspace, a time range) after a
// confirmation that says exactly what goes, and discards the matching sessions still waiting in the outbox.
import { Disposable, ProgressLocation, commands, env, workspace } from 'vscode';
import type { Logger } from '../platform/ports';
import type { PublishedFeed } from './publishedFeed';
import { ForgetPlan, ForgetScope, isEmptyPlan, planForget } from './forgetPlan';
import { ForgetResult, GraphDeleter, runForget } from './forgetRun';
import type { ForgottenSessions } from './forgotten';
import type { PurgeTarget } from '../publish/purgeLocal';
import type { Session } from '../tracking/types';
import { COMMANDS, type RegisterCommand } from '../platform/commandIds';
import type { PublishedView } from './publishedView.vscode';
import type { ViewNode } from './viewNodes';
import { shownText } from '../text/shownText';
import { askModal, choose, showError, showInformation, showWarning, withProgress } from '../platform/show.vscode';
import { type Shown, joinShown, outside, say } from '../text/shown';

export interface ForgetDeps {
  view: PublishedView;
  feed: PublishedFeed;
  graph: () => GraphDeleter;
  outbox: { list(): { session: Session }[]; put(session: Session): unknown };
  published: { forget(appActivityId: string): boolean };
  forgotten: ForgottenSessions;
  /** Removes the set-aside copies and link-table entries (and any queued session) of what was forgotten. */
  purgeLocal(target: PurgeTarget): void;
  /** Takes out of this machine's copy of other machines' sessions what was deleted from Graph. */
  forgetOtherMachines(activityIds: readonly string[], sessionIds: readonly string[]): void;
  log: Logger;
  /** Called after the outbox changed (status bar, view). */
  onPendingChanged(): void;
  /** Where handlers are registered (default: the editor's registry). */
  register?: RegisterCommand;
}

/** What a forget command resolves with (undefined when the person backed out). */
export interface ForgetOutcome {
  activitiesDeleted: number;
  sessionsDeleted: number;
  pendingDiscarded: number;
  failures: number;
  stopped?: ForgetResult['stopped'];
  /** This machine's ledger kept its copy of what was forgotten (the person chose Graph only). */
  keptLocalCopy: boolean;
}

interface Options {
  confirmed?: boolean;
  /** Forget from Microsoft Graph only: this machine's ledger keeps its copy (automation; people choose in the question). */
  keepLocalCopy?: boolean;
}

export function registerForgetCommands(deps: ForgetDeps): Disposable[] {
  const register = deps.register ?? ((id, handler) => commands.registerCommand(id, handler));
  return [
    register(COMMANDS.forgetSession, (node?: ViewNode, options?: Options) => forgetSession(deps, node, options)),
    register(COMMANDS.forgetActivity, (node?: ViewNode, options?: Options) => forgetActivity(deps, node, options)),
    register(COMMANDS.forgetWorkspace, (options?: Options) => forgetWorkspace(deps, options)),
    register(COMMANDS.forgetTimeRange, (range?: { from: number; to: number } & Options) => forgetTimeRange(deps, range)),
  ];
}

async function forgetSession(
  deps: ForgetDeps,
  node: ViewNode | undefined,
  options: Options = {},
): Promise<ForgetOutcome | undefined> {
  if (node?.type === 'pendingSession') {
    return discardPending(
      deps,
      [node.session],
      say('Discard this session? It has not been published and never will be.'),
      options,
    );
  }
  if (node?.type !== 'session') return pickFromView();
  const scope: ForgetScope = { kind: 'session', activity: node.activity, sessionId: node.session.id };
  const plan = planForget(scope, deps.view.publishedActivities, pendingOf(deps));
  const last = plan.activities.length > 0 ? say('It is the only session of this activity, so the activity goes too.') : undefined;
  return confirmAndRun(
    deps,
    plan,
    say('Forget this session of "{0}"?', node.activity.displayText),
    joinShown(say('It is deleted from your Microsoft Graph activity feed.'), ...(last ? [last] : [])),
    options,
  );
}

async function forgetActivity(
  deps: ForgetDeps,
  node: ViewNode | undefined,
  options: Options = {},
): Promise<ForgetOutcome | undefined> {
  if (node?.type === 'pendingFile') {
    const count = node.file.sessions.length;
    return discardPending(
      deps,
      node.file.sessions,
      say('Discard the {0} unpublished session(s) of this file? They will never be published.', count),
      options,
    );
  }
  if (node?.type !== 'activity') return pickFromView();
  const activity = node.entry.activity;
  const plan = planForget({ kind: 'activity', activity }, deps.view.publishedActivities, pendingOf(deps));
  return confirmAndRun(deps, plan, say('Forget "{0}"?', shownText(activity.displayText, 200)), describe(plan), options);
}

async function forgetWorkspace(deps: ForgetDeps, options: Options = {}): Promise<ForgetOutcome | undefined> {
  const folders = workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void showInformation(
      say('Activity Feed: open a folder or workspace first; this command forgets what was published from it.'),
    );
    return undefined;
  }
  if (!(await readFirst(deps))) return undefined;
  const prefixes = folders.map((folder) => folder.uri.toString().replace(/\/?$/, '/'));
  const name = workspace.name ?? folders[0].name;
  const scope: ForgetScope = { kind: 'workspace', name, contains: (uri) => prefixes.some((prefix) => uri.startsWith(prefix)) };
  const plan = planForget(scope, deps.view.publishedActivities, pendingOf(deps));
  const outcome = await confirmAndRun(
    deps,
    plan,
    say('Forget everything published from "{0}"?', shownText(name, 200)),
    describe(plan),
    options,
  );
  if (outcome) deps.purgeLocal({ documents: scope.contains, keepLedger: outcome.keptLocalCopy });
  return outcome;
}

async function forgetTimeRange(
  deps: ForgetDeps,
  given?: { from: number; to: number } & Options,
): Promise<ForgetOutcome | undefined> {
  const range =
    given && Number.isFinite(given.from) && Number.isFinite(given.to) && given.from < given.to
      ? { ...given, label: rangeLabel(given.from, given.to) }
      : await pickRange();
  if (!range) return undefined;
  if (!(await readFirst(deps))) return undefined;
  const plan = planForget({ kind: 'range', from: range.from, to: range.to }, deps.view.publishedActivities, pendingOf(deps));
  return confirmAndRun(deps, plan, say('Forget everything from {0}?', range.label), describe(plan), {
    confirmed: given?.confirmed,
  });
}

async function pickFromView(): Promise<undefined> {
  await commands.executeCommand('activityFeed.published.focus');
  void showInformation(
    say('Activity Feed: pick what to forget in the Published Activity view (right-click a file or a session).'),
  );
  return undefined;
}

/** The plan needs a copy of what Graph holds; read it if there is none or it is stale. */
async function readFirst(deps: ForgetDeps): Promise<boolean> {
  const state = await deps.view.refresh(false);
  if (deps.feed.lastReadAt !== undefined || state === 'empty') return true;
  const pick = await showWarning(
    say('Activity Feed cannot read what was published right now ({0}), so it cannot tell what to delete.', state),
    say('Sign In'),
    say('Show Log'),
  );
  if (pick === say('Sign In')) await commands.executeCommand(COMMANDS.signIn);
  if (pick === say('Show Log')) await commands.executeCommand(COMMANDS.showLog);
  return false;
}

async function pickRange(): Promise<{ from: number; to: number; label: string } | undefined> {
  const now = Date.now();
  const midnight = new Date(now).setHours(0, 0, 0, 0);
  const day = 24 * 60 * 60_000;
  const choices = [
    { label: say('Last 15 minutes'), from: now - 15 * 60_000, to: now + 1 },
    { label: say('Last hour'), from: now - 60 * 60_000, to: now + 1 },
    { label: say('Today'), from: midnight, to: now + 1 },
    { label: say('Yesterday'), from: midnight - day, to: midnight },
    { label: say('Last 7 days'), from: midnight - 6 * day, to: now + 1 },
    { label: say('Everything'), from: 0, to: now + 1 },
  ];
  const pick = await choose(
    choices.map((c) => ({ ...c, ...(c.from > 0 && { description: outside(rangeLabel(c.from, c.to)) }) })),
    {
      title: say('Forget a time range'),
      placeHolder: say('Sessions active in this range are deleted from your activity feed'),
    },
  );
  return pick ? { from: pick.from, to: pick.to, label: pick.label.toLowerCase() } : undefined;
}

function rangeLabel(from: number, to: number): string {
  const format = (ms: number) =>
    new Date(ms).toLocaleString(env.language, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return `${format(from)} – ${format(to)}`;
}

function pendingOf(deps: ForgetDeps): Session[] {
  return deps.outbox.list().map((entry) => entry.session);
}

function describe(plan: ForgetPlan): Shown {
  const parts: Shown[] = [];
  if (plan.activities.length > 0) {
    const sessions = plan.activities.reduce((n, a) => n + a.sessionIds.length, 0);
    const names =
      plan.activities
        .slice(0, 5)
        .map((a) => shownText(a.displayText, 200))
        .join(', ') + (plan.activities.length > 5 ? ', …' : '');
    parts.push(
      say(
        '{0} activities ({1} sessions) are deleted from your Microsoft Graph activity feed: {2}.',
        plan.activities.length,
        sessions,
        names,
      ),
    );
  }
  if (plan.sessions.length > 0) parts.push(say('{0} sessions of other activities are deleted from it.', plan.sessions.length));
  if (plan.pending.length > 0) parts.push(say('{0} sessions not yet published are discarded.', plan.pending.length));
  parts.push(say('This cannot be undone.'));
  return joinShown(...parts);
}

async function discardPending(
  deps: ForgetDeps,
  sessions: Session[],
  question: Shown,
  options: Options,
): Promise<ForgetOutcome | undefined> {
  const plan: ForgetPlan = { activities: [], sessions: [], pending: sessions, writes: 0 };
  return confirmAndRun(deps, plan, question, say('Nothing is deleted from Graph: these sessions never reached it.'), options);
}

async function confirmAndRun(
  deps: ForgetDeps,
  plan: ForgetPlan,
  question: Shown,
  detail: Shown,
  options: Options,
): Promise<ForgetOutcome | undefined> {
  if (isEmptyPlan(plan)) {
    void showInformation(say('Activity Feed: nothing published or waiting matches; there is nothing to forget.'));
    return { activitiesDeleted: 0, sessionsDeleted: 0, pendingDiscarded: 0, failures: 0, keptLocalCopy: true };
  }
  const forget = say('Forget');
  const graphOnly = say('Forget, Keep This Machine’s Copy');
  if (options.confirmed) return execute(deps, plan, options.keepLocalCopy === true);
  const answer = await askModal(question, detail, forget, graphOnly);
  if (answer !== forget && answer !== graphOnly) return undefined;
  return execute(deps, plan, answer === graphOnly);
}

async function execute(deps: ForgetDeps, plan: ForgetPlan, keepLocalCopy: boolean): Promise<ForgetOutcome> {
  // The local part first: it cannot fail, and it must hold even when Graph cannot be reached.
  for (const session of plan.pending) deps.outbox.put({ ...session, endReason: 'excluded' });
  const sessionIds = [
    ...plan.pending.map((s) => s.id),
    ...plan.sessions.map((s) => s.sessionId),
    ...plan.activities.flatMap((a) => a.sessionIds),
  ];
  await deps.forgotten.add(sessionIds);
  deps.purgeLocal({
    sessionIds: new Set(sessionIds),
    activityIds: new Set(plan.activities.map((a) => a.appActivityId)),
    keepLedger: keepLocalCopy,
  });
  deps.onPendingChanged();

  let result: ForgetResult = { activitiesGone: [], sessionsGone: [], failures: [], notAttempted: 0 };
  if (plan.writes > 0) {
    result = await withProgress(
      {
        location: plan.writes > 1 ? ProgressLocation.Notification : ProgressLocation.Window,
        title: say('Activity Feed: forgetting'),
        cancellable: true,
      },
      async (progress, token) => {
        const abort = new AbortController();
        const subscription = token.onCancellationRequested(() => abort.abort());
        let reported = 0;
        try {
          return await runForget(plan, deps.graph(), {
            signal: abort.signal,
            onProgress: (done, total) => {
              progress.report({
                message: say('{0} of {1} deletions', done, total),
                increment: ((done - reported) / Math.max(1, total)) * 100,
              });
              reported = done;
            },
          });
        } finally {
          subscription.dispose();
        }
      },
    );
  }
  for (const appActivityId of result.activitiesGone) deps.published.forget(appActivityId);
  // Also rebuilds the view (the feed reports the change), which shows the discarded pending sessions gone.
  deps.feed.removeLocally(result.activitiesGone, result.sessionsGone);
  if (!keepLocalCopy) deps.forgetOtherMachines(result.activitiesGone, result.sessionsGone);
  const outcome: ForgetOutcome = {
    activitiesDeleted: result.activitiesGone.length,
    sessionsDeleted: result.sessionsGone.length,
    pendingDiscarded: plan.pending.length,
    failures: result.failures.length,
    ...(result.stopped && { stopped: result.stopped }),
    keptLocalCopy: keepLocalCopy,
  };
  deps.log.info(
    `Forget: ${outcome.activitiesDeleted} activities and ${outcome.sessionsDeleted} sessions deleted from Graph, ${outcome.pendingDiscarded} pending discarded, ${outcome.failures} failed${result.stopped ? `, stopped (${result.stopped}) with ${result.notAttempted} not attempted` : ''}.`,
  );
  for (const failure of result.failures) deps.log.warn(`Forget: could not delete ${failure.what}: ${failure.message}`);
  void report(outcome, result);
  return outcome;
}

async function report(outcome: ForgetOutcome, result: ForgetResult): Promise<void> {
  const done = summaryLine(outcome);
  const signIn = say('Sign In');
  const retry = say('Retry');
  const showLog = say('Show Log');
  let pick: Shown | undefined;
  if (result.stopped === 'signInRequired') {
    pick = await showWarning(joinShown(done, say('Sign in to delete the other {0}.', result.notAttempted)), signIn);
  } else if (result.stopped === 'offline') {
    pick = await showWarning(
      joinShown(
        done,
        say('Microsoft Graph could not be reached; {0} deletions were not made. Try again later.', result.notAttempted),
      ),
      retry,
      showLog,
    );
  } else if (result.stopped === 'cancelled') {
    void showInformation(joinShown(done, say('Cancelled; {0} deletions were not made.', result.notAttempted)));
  } else if (result.failures.length > 0) {
    pick = await showError(
      joinShown(done, say('{0} could not be deleted; first: {1}', result.failures.length, result.failures[0].message)),
      showLog,
    );
  } else {
    void showInformation(done);
  }
  if (pick === signIn) await commands.executeCommand(COMMANDS.signIn);
  if (pick === retry) await commands.executeCommand(COMMANDS.refreshPublished);
  if (pick === showLog) await commands.executeCommand(COMMANDS.showLog);
}

function summaryLine(outcome: ForgetOutcome): Shown {
  const parts: string[] = [];
  if (outcome.activitiesDeleted > 0)
    parts.push(outcome.activitiesDeleted === 1 ? say('1 activity') : say('{0} activities', outcome.activitiesDeleted));
  if (outcome.sessionsDeleted > 0)
    parts.push(outcome.sessionsDeleted === 1 ? say('1 session') : say('{0} sessions', outcome.sessionsDeleted));
  const deleted =
    parts.length > 0
      ? say('Activity Feed: deleted {0} from your activity feed.', parts.join(` ${say('and')} `))
      : say('Activity Feed: nothing was deleted from your activity feed.');
  if (outcome.pendingDiscarded === 0) return deleted;
  const discarded =
    outcome.pendingDiscarded === 1
      ? say('1 unpublished session discarded.')
      : say('{0} unpublished sessions discarded.', outcome.pendingDiscarded);
  return joinShown(deleted, discarded);
}
