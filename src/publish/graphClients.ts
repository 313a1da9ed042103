// Graph clients for the settings in force, over request budgets that outlive each client: only a change of a budget's
// numbers starts that budget anew, so a settings change elsewhere never forgets what was spent or a server's hold.
import type { GraphSettings, Settings } from '../settings/validSettings';
import type { Logger } from '../platform/ports';
import { FIVE_MINUTES, ONE_DAY, RequestBudget, type BudgetWindow } from '../graph/budget';
import { GraphClient } from '../graph/client';
import type { TokenCredential } from '../graph/credential';

export interface GraphClientsOptions {
  settings: () => Settings;
  credential: TokenCredential;
  userAgent: string;
  log: Logger;
  /** For tests only: the client's fetch (default: the global one, which the editor routes through its proxy). */
  fetch?: typeof fetch;
}

export class GraphClients {
  private writeKey: string;
  private readKey: string;
  private writes: RequestBudget;
  private reads: RequestBudget;

  /** The write budget as it is now (its numbers follow the settings). */
  readonly writeBudget = {
    remaining: () => this.writes.remaining(),
    nextSlotAt: () => this.writes.nextSlotAt(),
    pausedUntil: () => this.writes.pausedUntil(),
  };
  /** The read budget as it is now, for the feed. */
  readonly readBudget = { remaining: () => this.reads.remaining(), nextSlotAt: () => this.reads.nextSlotAt() };

  constructor(private readonly options: GraphClientsOptions) {
    const { graph } = options.settings();
    this.writeKey = writeKeyOf(graph);
    this.writes = new RequestBudget(writeWindows(graph));
    this.readKey = readKeyOf(graph);
    this.reads = new RequestBudget(readWindows(graph));
  }

  /** A client for the current settings. */
  client(): GraphClient {
    const { graph } = this.options.settings();
    if (writeKeyOf(graph) !== this.writeKey) {
      this.writeKey = writeKeyOf(graph);
      this.writes = new RequestBudget(writeWindows(graph));
    }
    if (readKeyOf(graph) !== this.readKey) {
      this.readKey = readKeyOf(graph);
      this.reads = new RequestBudget(readWindows(graph));
    }
    const { credential, userAgent, log, fetch } = this.options;
    return new GraphClient({
      credential,
      baseUrl: graph.endpoint,
      userAgent,
      logger: log,
      timeoutMs: graph.requestTimeoutSeconds * 1000,
      retry: { maxAttempts: graph.maxAttempts },
      writeBudget: this.writes,
      readBudget: this.reads,
      ...(fetch ? { fetch } : {}),
    });
  }
}

const writeKeyOf = (graph: GraphSettings) => `${graph.writesPerFiveMinutes}/${graph.writesPerDay}`;
const readKeyOf = (graph: GraphSettings) => `${graph.readsPerFiveMinutes}/${graph.readsPerDay}`;

function writeWindows(graph: GraphSettings): BudgetWindow[] {
  return [
    { max: graph.writesPerFiveMinutes, windowMs: FIVE_MINUTES },
    { max: graph.writesPerDay, windowMs: ONE_DAY },
  ];
}

function readWindows(graph: GraphSettings): BudgetWindow[] {
  return [
    { max: graph.readsPerFiveMinutes, windowMs: FIVE_MINUTES },
    { max: graph.readsPerDay, windowMs: ONE_DAY },
  ];
}
