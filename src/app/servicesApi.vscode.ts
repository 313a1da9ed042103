// The parts of activate()'s API about what the services do (publishing, sign-in, the Published view, Insights), built
// in the services' bundle from the parts they made. It names only what it reads of them.
import type { ActivityFeedApi } from './api';
import type { LedgerEntry } from '../ledger/entry';
import type { OtherMachinesHistory } from './otherMachinesHistory';
import type { StartupParts } from './startupParts.vscode';

export type ServicesApi = Pick<ActivityFeedApi, 'auth' | 'publishing' | 'publishedView' | 'insights' | 'history'>;
type Auth = ServicesApi['auth'];
type View = ServicesApi['publishedView'];
type Insights = ServicesApi['insights'];

/** What the API reads of the services. */
export interface ServicesApiSources {
  readonly accounts: Pick<Auth, 'state' | 'onDidChange'>;
  readonly lastRun: ServicesApi['publishing']['lastRun'];
  readonly view: View;
  showInsights(): void;
  insightsPanel(): Pick<Insights, 'state' | 'timings'> | undefined;
  timesheetReview(): Insights['review'];
  readonly ledger: { read(): { entries: LedgerEntry[] }; readonly directory: string };
  readonly otherMachines: Pick<OtherMachinesHistory, 'settled' | 'entries'>;
  feedKeepsDays(): number;
}

export function servicesApi(core: StartupParts, services: ServicesApiSources): ServicesApi {
  const { status } = core;
  return {
    auth: {
      get state() {
        return services.accounts.state;
      },
      onDidChange: (listener) => services.accounts.onDidChange(listener),
    },
    publishing: {
      get lastRun() {
        return services.lastRun;
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
      refresh: (force = true) => services.view.refresh(force),
      get state() {
        return services.view.state;
      },
      get message() {
        return services.view.message;
      },
      snapshot: () => services.view.snapshot(),
    },
    history: {
      entries: () => services.ledger.read().entries,
      get feedKeepsDays() {
        return services.feedKeepsDays();
      },
      otherMachines: async () => {
        await services.otherMachines.settled();
        return services.otherMachines.entries();
      },
      directory: services.ledger.directory,
    },
    insights: {
      show: () => services.showInsights(),
      get state() {
        return services.insightsPanel()?.state;
      },
      get review() {
        return services.timesheetReview();
      },
      get timings() {
        return services.insightsPanel()?.timings;
      },
    },
  };
}
