// The object activate() returns (typed by src/api.ts): what the integration tests and other tools read. The parts
// about publishing, sign-in, the Published view and Insights are built by the workbench (workbenchApi, in its bundle);
// reading one of them builds the workbench first, synchronously, so every getter answers at once.
import type { ActivityFeedApi } from '../api';
import type { Core } from './core';
import type { Workbench } from './workbench';

export type WorkbenchApi = Pick<ActivityFeedApi, 'auth' | 'publishing' | 'publishedView' | 'insights'>;

export function testApi(core: Core, workbench: () => Workbench, activationMs: number): ActivityFeedApi {
  const { tracker } = core;
  return {
    version: core.version,
    activationMs,
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
      get rules() {
        return tracker.rules;
      },
    },
    planRequests: () => workbench().plan(),
    get auth() {
      return workbench().api.auth;
    },
    get publishing() {
      return workbench().api.publishing;
    },
    logDirectory: core.context.logUri.fsPath,
    get publishedView() {
      return workbench().api.publishedView;
    },
    get insights() {
      return workbench().api.insights;
    },
  };
}

export function workbenchApi(core: Core, workbench: Workbench): WorkbenchApi {
  const { status } = core;
  return {
    auth: {
      get state() {
        return workbench.accounts.state;
      },
      onDidChange: (listener) => workbench.accounts.onDidChange(listener),
    },
    publishing: {
      get lastRun() {
        return workbench.lastRun;
      },
      get statusText() {
        return status.view?.text ?? '';
      },
      get statusTooltip() {
        return status.view?.tooltip ?? [];
      },
      outboxDirectory: core.outboxDir,
    },
    publishedView: {
      refresh: (force = true) => workbench.view.refresh(force),
      get state() {
        return workbench.view.state;
      },
      get message() {
        return workbench.view.message;
      },
      snapshot: () => workbench.view.snapshot(),
    },
    insights: {
      show: () => workbench.showInsights(),
      get state() {
        return workbench.insightsPanel()?.state;
      },
      get timings() {
        return workbench.insightsPanel()?.timings;
      },
    },
  };
}
