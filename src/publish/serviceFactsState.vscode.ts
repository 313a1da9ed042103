// What is known about the live service, kept in the editor's global state per Graph endpoint: the last Check
// Microsoft Graph result, and what publishing has learnt since. The publisher reads it on every write.
import type { Memento } from 'vscode';
import type { ServiceCheckResult } from '../graph/serviceCheck';
import { parseCheckResult } from '../graph/serviceCheckReport';
import { parseServiceFacts, type ServiceFacts, type ServiceFactsStore } from './serviceFacts';

const CHECK_KEY = 'activityFeed.serviceCheck';
const FACTS_KEY = 'activityFeed.serviceFacts';
const OFFERED_KEY = 'activityFeed.serviceCheckOffered';

export class ServiceFactsState implements ServiceFactsStore {
  constructor(
    private readonly state: Memento,
    private readonly endpoint: () => string,
  ) {}

  get(): ServiceFacts {
    const stored = this.state.get<Record<string, unknown>>(FACTS_KEY) ?? {};
    return parseServiceFacts(stored[this.endpoint()]);
  }

  learn(facts: Partial<ServiceFacts>): void {
    const stored = this.state.get<Record<string, unknown>>(FACTS_KEY) ?? {};
    void this.state.update(FACTS_KEY, { ...stored, [this.endpoint()]: { ...this.get(), ...facts } });
  }

  /** The last check of the current endpoint. */
  lastCheck(): ServiceCheckResult | undefined {
    const check = parseCheckResult(this.state.get(CHECK_KEY));
    return check?.endpoint === this.endpoint() ? check : undefined;
  }

  async recordCheck(result: ServiceCheckResult): Promise<void> {
    await this.state.update(CHECK_KEY, result);
    const stored = this.state.get<Record<string, unknown>>(FACTS_KEY) ?? {};
    await this.state.update(FACTS_KEY, {
      ...stored,
      [result.endpoint]: { historyIds: result.historyIds, replace: result.replace, encodedSlash: result.encodedSlash },
    });
  }

  /** True the first time it is asked (per machine): the check is offered once after the first sign-in. */
  offerOnce(): boolean {
    if (this.state.get<boolean>(OFFERED_KEY)) return false;
    void this.state.update(OFFERED_KEY, true);
    return true;
  }
}
