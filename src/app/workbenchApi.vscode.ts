// The parts of activate()'s API about what the workbench does (publishing, sign-in, the Published view, Insights),
// built in the workbench's bundle from the parts it made. It names only what it reads of them.
import type { ActivityFeedApi } from '../api';
import type { Core } from './core.vscode';

export type WorkbenchApi = Pick<ActivityFeedApi, 'auth' | 'publishing' | 'publishedView' | 'insights'>;
type Auth = WorkbenchApi['auth'];
type View = WorkbenchApi['publishedView'];
type Insights = WorkbenchApi['insights'];

/** What the API reads of the workbench. */
export interface WorkbenchApiSources {
  readonly accounts: Pick<Auth, 'state' | 'onDidChange'>;
  readonly lastRun: WorkbenchApi['publishing']['lastRun'];
  readonly view: View;
  showInsights(): void;
  insightsPanel(): Pick<Insights, 'state' | 'timings'> | undefined;
}

export function workbenchApi(core: Core, workbench: WorkbenchApiSources): WorkbenchApi {
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
