// The object activate() returns (typed by src/api.ts): what the integration tests and other tools read.
import type { ActivityFeedApi } from '../api';
import type { Core } from './core';
import type { Workbench } from './workbench';

export interface ActivationTimings {
  activationMs: number;
  phases: readonly { label: string; ms: number }[];
}

/** `workbench()` builds the lazily loaded parts on first use (synchronously), so every getter answers at once. */
export function testApi(core: Core, workbench: () => Workbench, timings: ActivationTimings): ActivityFeedApi {
  const { tracker, status } = core;
  return {
    version: core.version,
    activationMs: timings.activationMs,
    activationPhases: timings.phases,
    tracking: {
      currentSession: () => tracker.currentSession(),
      onDidFinishSession: tracker.onDidFinishSession,
      pendingSessions: () =>
        workbench()
          .outbox.list()
          .map((entry) => entry.session),
      get isPaused() {
        return tracker.isPaused;
      },
    },
    planRequests: () => workbench().plan(),
    auth: {
      get state() {
        return workbench().accounts.state;
      },
      onDidChange: (listener) => workbench().accounts.onDidChange(listener),
    },
    publishing: {
      get lastRun() {
        return workbench().lastRun;
      },
      get statusText() {
        workbench();
        return status.view?.text ?? '';
      },
      get statusTooltip() {
        workbench();
        return status.view?.tooltip ?? [];
      },
      outboxDirectory: core.outboxDir,
    },
    logDirectory: core.context.logUri.fsPath,
    publishedView: {
      refresh: (force = true) => workbench().view.refresh(force),
      get state() {
        return workbench().view.state;
      },
      get message() {
        return workbench().view.message;
      },
      snapshot: () => workbench().view.snapshot(),
    },
    insights: {
      show: () => workbench().showInsights(),
      get state() {
        return workbench().insightsPanel()?.state;
      },
      get timings() {
        return workbench().insightsPanel()?.timings;
      },
    },
  };
}
