// The emulator's admin API over HTTP, for tests that run inside the extension host while the emulator runs in the
// harness process (AF_EMULATOR_ORIGIN).
import type { LoggedRequest } from '../../tools/graph-emulator/adminRoutes';
import type { ClockChange, ClockState } from '../../tools/graph-emulator/clock';
import type { FaultRule } from '../../tools/graph-emulator/faults';

export interface EmulatorActivity {
  id: string;
  appActivityId: string;
  historyItems: { id: string; startedDateTime: string; lastActiveDateTime?: string; activeDurationSeconds?: number }[];
}

export class EmulatorAdminClient {
  constructor(readonly origin: string = requiredEnv('AF_EMULATOR_ORIGIN')) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.origin}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`emulator admin ${method} ${path} → ${response.status}`);
    return (await response.json()) as T;
  }

  /** The service profile in force: its name ('custom' when single switches differ) and every switch. */
  profile(): Promise<{ profile: string; switches: Record<string, string>; description: string }> {
    return this.call('GET', '/profile');
  }

  /** Switches the service to a profile, with single switches over it (e.g. { profile: 'pessimistic', order: 'oldest' }). */
  setProfile(change: { profile?: string } & Record<string, string>): Promise<unknown> {
    return this.call('POST', '/profile', change);
  }

  /** Moves the service's clock forward (its stamps and what it has forgotten follow it; tokens keep real time). */
  moveClock(change: ClockChange): Promise<ClockState> {
    return this.call('POST', '/clock', change);
  }

  /** The service's clock as it stands. */
  clock(): Promise<ClockState> {
    return this.call('GET', '/clock');
  }

  requests(): Promise<LoggedRequest[]> {
    return this.call('GET', '/requests');
  }

  addFault(rule: FaultRule): Promise<unknown> {
    return this.call('POST', '/faults', rule);
  }

  clearFaults(): Promise<unknown> {
    return this.call('DELETE', '/faults');
  }

  /** Every request the emulator received since its last reset, as raw bytes. */
  async received(): Promise<Buffer> {
    return Buffer.from((await this.call<{ base64: string }>('GET', '/received')).base64, 'base64');
  }

  clearRequests(): Promise<unknown> {
    return this.call('DELETE', '/requests');
  }

  /** Activities as the emulator holds them, for the default user. */
  async activities(): Promise<EmulatorActivity[]> {
    const state = await this.call<{
      users?: Record<string, { activities?: EmulatorActivity[] }>;
      activities?: EmulatorActivity[];
    }>('GET', '/state');
    if (Array.isArray(state.activities)) return state.activities;
    return Object.values(state.users ?? {}).flatMap((user) => user.activities ?? []);
  }

  async approveDeviceCode(): Promise<boolean> {
    return (await this.call<{ approved: boolean }>('POST', '/devicecodes/approve', {})).approved;
  }

  expireAccessTokens(): Promise<unknown> {
    return this.call('POST', '/tokens/expire');
  }

  revokeRefreshTokens(): Promise<unknown> {
    return this.call('POST', '/tokens/revoke-refresh');
  }

  /** Stores activities as if their app had published them (other machines' feeds); resolves with how many. */
  async seed(activities: Record<string, unknown>[]): Promise<number> {
    return (await this.call<{ seeded: number }>('POST', '/seed', { activities })).seeded;
  }

  reset(): Promise<unknown> {
    return this.call('POST', '/reset');
  }
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the harness starts the emulator and passes its address`);
  return value;
}
