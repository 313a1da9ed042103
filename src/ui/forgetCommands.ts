// Forget: deletes from Graph what the person picks (a session, an activity, a workspace, a time range) after a
// confirmation that says exactly what goes, and discards the matching sessions still waiting in the outbox.
import { Disposable, ProgressLocation, commands, env, l10n, window, workspace } from 'vscode';
import type { Logger } from '../ports';
import type { PublishedFeed } from '../feed/publishedFeed';
import { ForgetPlan, ForgetScope, isEmptyPlan, planForget } from '../feed/forgetPlan';
import { ForgetResult, GraphDeleter, runForget } from '../feed/forgetRun';
import type { ForgottenSessions } from '../feed/forgotten';
import type { PurgeTarget } from '../publish/purgeLocal';
import type { Session } from '../tracking/types';
import { COMMANDS, type RegisterCommand } from './commandIds';
import type { PublishedView } from './publishedView';
import type { ViewNode } from './publishedTree';
import { shownText } from '../text/shownText';

export interface ForgetDeps {
  view: PublishedView;
  feed: PublishedFeed;
  graph: () => GraphDeleter;
  outbox: { list(): { session: Session }[]; put(session: Session): unknown };
  published: { forget(appActivityId: string): boolean };
  forgotten: ForgottenSessions;
  /** Removes the set-aside copies and link-table entries (and any queued session) of what was forgotten. */
  purgeLocal(target: PurgeTarget): void;
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
}

interface Options {
  confirmed?: boolean;
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
      l10n.t('Discard this session? It has not been published and never will be.'),
      options,
    );
  }
  if (node?.type !== 'session') return pickFromView();
  const scope: ForgetScope = { kind: 'session', activity: node.activity, sessionId: node.session.id };
  const plan = planForget(scope, deps.view.publishedActivities, pendingOf(deps));
  const last =
    plan.activities.length > 0 ? ` ${l10n.t('It is the only session of this activity, so the activity goes too.')}` : '';
  return confirmAndRun(
    deps,
    plan,
    l10n.t('Forget this session of "{0}"?', node.activity.displayText),
    l10n.t('It is deleted from your Microsoft Graph activity feed.') + last,
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
      l10n.t('Discard the {0} unpublished session(s) of this file? They will never be published.', count),
      options,
    );
  }
  if (node?.type !== 'activity') return pickFromView();
  const activity = node.entry.activity;
  const plan = planForget({ kind: 'activity', activity }, deps.view.publishedActivities, pendingOf(deps));
  return confirmAndRun(deps, plan, l10n.t('Forget "{0}"?', shownText(activity.displayText, 200)), describe(plan), options);
}

async function forgetWorkspace(deps: ForgetDeps, options: Options = {}): Promise<ForgetOutcome | undefined> {
  const folders = workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void window.showInformationMessage(
      l10n.t('Activity Feed: open a folder or workspace first; this command forgets what was published from it.'),
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
    l10n.t('Forget everything published from "{0}"?', shownText(name, 200)),
    describe(plan),
    options,
  );
  if (outcome) deps.purgeLocal({ documents: scope.contains });
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
  return confirmAndRun(deps, plan, l10n.t('Forget everything from {0}?', range.label), describe(plan), {
    confirmed: given?.confirmed,
  });
}

async function pickFromView(): Promise<undefined> {
  await commands.executeCommand('activityFeed.published.focus');
  void window.showInformationMessage(
    l10n.t('Activity Feed: pick what to forget in the Published Activity view (right-click a file or a session).'),
  );
  return undefined;
}

/** The plan needs a copy of what Graph holds; read it if there is none or it is stale. */
async function readFirst(deps: ForgetDeps): Promise<boolean> {
  const state = await deps.view.refresh(false);
  if (deps.feed.lastReadAt !== undefined || state === 'empty') return true;
  const pick = await window.showWarningMessage(
    l10n.t('Activity Feed cannot read what was published right now ({0}), so it cannot tell what to delete.', state),
    l10n.t('Sign In'),
    l10n.t('Show Log'),
  );
  if (pick === l10n.t('Sign In')) await commands.executeCommand(COMMANDS.signIn);
  if (pick === l10n.t('Show Log')) await commands.executeCommand(COMMANDS.showLog);
  return false;
}

async function pickRange(): Promise<{ from: number; to: number; label: string } | undefined> {
  const now = Date.now();
  const midnight = new Date(now).setHours(0, 0, 0, 0);
  const day = 24 * 60 * 60_000;
  const choices = [
    { label: l10n.t('Last 15 minutes'), from: now - 15 * 60_000, to: now + 1 },
    { label: l10n.t('Last hour'), from: now - 60 * 60_000, to: now + 1 },
    { label: l10n.t('Today'), from: midnight, to: now + 1 },
    { label: l10n.t('Yesterday'), from: midnight - day, to: midnight },
    { label: l10n.t('Last 7 days'), from: midnight - 6 * day, to: now + 1 },
    { label: l10n.t('Everything'), from: 0, to: now + 1 },
  ];
  const pick = await window.showQuickPick(
    choices.map((c) => ({ ...c, description: c.from > 0 ? rangeLabel(c.from, c.to) : undefined })),
    {
      title: l10n.t('Forget a time range'),
      placeHolder: l10n.t('Sessions active in this range are deleted from your activity feed'),
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

function describe(plan: ForgetPlan): string {
  const parts: string[] = [];
  if (plan.activities.length > 0) {
    const sessions = plan.activities.reduce((n, a) => n + a.sessionIds.length, 0);
    const names =
      plan.activities
        .slice(0, 5)
        .map((a) => shownText(a.displayText, 200))
        .join(', ') + (plan.activities.length > 5 ? ', …' : '');
    parts.push(
      l10n.t(
        '{0} activities ({1} sessions) are deleted from your Microsoft Graph activity feed: {2}.',
        plan.activities.length,
        sessions,
        names,
      ),
    );
  }
  if (plan.sessions.length > 0) parts.push(l10n.t('{0} sessions of other activities are deleted from it.', plan.sessions.length));
  if (plan.pending.length > 0) parts.push(l10n.t('{0} sessions not yet published are discarded.', plan.pending.length));
  parts.push(l10n.t('This cannot be undone.'));
  return parts.join(' ');
}

async function discardPending(
  deps: ForgetDeps,
  sessions: Session[],
  question: string,
  options: Options,
): Promise<ForgetOutcome | undefined> {
  const plan: ForgetPlan = { activities: [], sessions: [], pending: sessions, writes: 0 };
  return confirmAndRun(deps, plan, question, l10n.t('Nothing is deleted from Graph: these sessions never reached it.'), options);
}

async function confirmAndRun(
  deps: ForgetDeps,
  plan: ForgetPlan,
  question: string,
  detail: string,
  options: Options,
): Promise<ForgetOutcome | undefined> {
  if (isEmptyPlan(plan)) {
    void window.showInformationMessage(
      l10n.t('Activity Feed: nothing published or waiting matches; there is nothing to forget.'),
    );
    return { activitiesDeleted: 0, sessionsDeleted: 0, pendingDiscarded: 0, failures: 0 };
  }
  const forget = l10n.t('Forget');
  if (!options.confirmed && (await window.showWarningMessage(question, { modal: true, detail }, forget)) !== forget)
    return undefined;
  return execute(deps, plan);
}

async function execute(deps: ForgetDeps, plan: ForgetPlan): Promise<ForgetOutcome> {
  // The local part first: it cannot fail, and it must hold even when Graph cannot be reached.
  for (const session of plan.pending) deps.outbox.put({ ...session, endReason: 'excluded' });
  const sessionIds = [
    ...plan.pending.map((s) => s.id),
    ...plan.sessions.map((s) => s.sessionId),
    ...plan.activities.flatMap((a) => a.sessionIds),
  ];
  await deps.forgotten.add(sessionIds);
  deps.purgeLocal({ sessionIds: new Set(sessionIds), activityIds: new Set(plan.activities.map((a) => a.appActivityId)) });
  deps.onPendingChanged();

  let result: ForgetResult = { activitiesGone: [], sessionsGone: [], failures: [], notAttempted: 0 };
  if (plan.writes > 0) {
    result = await window.withProgress(
      {
        location: plan.writes > 1 ? ProgressLocation.Notification : ProgressLocation.Window,
        title: l10n.t('Activity Feed: forgetting'),
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
                message: l10n.t('{0} of {1} deletions', done, total),
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
  const outcome: ForgetOutcome = {
    activitiesDeleted: result.activitiesGone.length,
    sessionsDeleted: result.sessionsGone.length,
    pendingDiscarded: plan.pending.length,
    failures: result.failures.length,
    ...(result.stopped && { stopped: result.stopped }),
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
  const signIn = l10n.t('Sign In');
  const retry = l10n.t('Retry');
  const showLog = l10n.t('Show Log');
  let pick: string | undefined;
  if (result.stopped === 'signInRequired') {
    pick = await window.showWarningMessage(`${done} ${l10n.t('Sign in to delete the other {0}.', result.notAttempted)}`, signIn);
  } else if (result.stopped === 'offline') {
    pick = await window.showWarningMessage(
      `${done} ${l10n.t('Microsoft Graph could not be reached; {0} deletions were not made. Try again later.', result.notAttempted)}`,
      retry,
      showLog,
    );
  } else if (result.stopped === 'cancelled') {
    void window.showInformationMessage(`${done} ${l10n.t('Cancelled; {0} deletions were not made.', result.notAttempted)}`);
  } else if (result.failures.length > 0) {
    pick = await window.showErrorMessage(
      `${done} ${l10n.t('{0} could not be deleted; first: {1}', result.failures.length, shownText(result.failures[0].message))}`,
      showLog,
    );
  } else {
    void window.showInformationMessage(done);
  }
  if (pick === signIn) await commands.executeCommand(COMMANDS.signIn);
  if (pick === retry) await commands.executeCommand(COMMANDS.refreshPublished);
  if (pick === showLog) await commands.executeCommand(COMMANDS.showLog);
}

function summaryLine(outcome: ForgetOutcome): string {
  const parts: string[] = [];
  if (outcome.activitiesDeleted > 0)
    parts.push(outcome.activitiesDeleted === 1 ? l10n.t('1 activity') : l10n.t('{0} activities', outcome.activitiesDeleted));
  if (outcome.sessionsDeleted > 0)
    parts.push(outcome.sessionsDeleted === 1 ? l10n.t('1 session') : l10n.t('{0} sessions', outcome.sessionsDeleted));
  const deleted =
    parts.length > 0
      ? l10n.t('Activity Feed: deleted {0} from your activity feed.', parts.join(l10n.t(' and ')))
      : l10n.t('Activity Feed: nothing was deleted from your activity feed.');
  if (outcome.pendingDiscarded === 0) return deleted;
  const discarded =
    outcome.pendingDiscarded === 1
      ? l10n.t('1 unpublished session discarded.')
      : l10n.t('{0} unpublished sessions discarded.', outcome.pendingDiscarded);
  return `${deleted} ${discarded}`;
}
