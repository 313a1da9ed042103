// The object activate() returns (typed by src/api.ts): what the integration tests and other tools read. The parts
// about publishing, sign-in, the Published view and Insights are built by the workbench (./workbenchApi, in its bundle);
// reading one of them builds the workbench first, synchronously, so every getter answers at once.
import type { ActivityFeedApi } from '../api';
import type { Core } from './core.vscode';
import type { Workbench } from './workbench.vscode';

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
