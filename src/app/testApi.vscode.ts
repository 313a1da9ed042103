// The object activate() returns (typed by src/app/api.ts): what the integration tests and other tools read. The parts
// about publishing, sign-in, the Published view and Insights are built by the services (./servicesApi, in their
// bundle); reading one of them builds the services first, synchronously, so every getter answers at once.
import type { ActivityFeedApi } from './api';
import type { Services } from './services.vscode';
import type { StartupParts } from './startupParts.vscode';

export function testApi(core: StartupParts, services: () => Services, activationMs: number): ActivityFeedApi {
  const { tracker } = core;
  return {
    version: core.version,
    activationMs,
    tracking: {
      currentSession: () => tracker.currentSession(),
      onDidFinishSession: tracker.onDidFinishSession,
      pendingSessions: () =>
        services()
          .outbox.list()
          .map((entry) => entry.session),
      get isPaused() {
        return tracker.isPaused;
      },
      get rules() {
        return tracker.rules;
      },
    },
    planRequests: () => services().plan(),
    get auth() {
      return services().api.auth;
    },
    get publishing() {
      return services().api.publishing;
    },
    logDirectory: core.context.logUri.fsPath,
    get publishedView() {
      return services().api.publishedView;
    },
    get history() {
      return services().api.history;
    },
    get insights() {
      return services().api.insights;
    },
  };
}
