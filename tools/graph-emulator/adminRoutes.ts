// The admin API under /_emulator/: what tests and people use to script and inspect the emulator.

import { FaultRule, faultRuleProblem } from './faults';
import { PagingOptions } from './graphApi';
import { ClockError, type ClockChange, type ClockState } from './clock';
import { ProfileError, type ServiceSwitches } from './profile';
import { ThrottlingOptions } from './throttle';

export interface LoggedRequest {
  at: string;
  server: 'graph' | 'auth' | 'admin';
  method: string;
  url: string;
  /** 0 when the connection was dropped on purpose. */
  status: number;
  /** Authorization values are replaced by "[present]". */
  headers: Record<string, string>;
  body: string;
  /** The request was carried out, but its connection was cut before the answer (a 'lostAnswer' fault). */
  lostAnswer?: boolean;
  /** The Retry-After the answer carried (seconds), if any. */
  retryAfter?: string;
}

export interface EmulatorAdmin {
  mintAccessToken(options?: { clientId?: string; scopes?: string[]; lifetimeSeconds?: number; userId?: string }): string;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  setThrottling(options: Partial<ThrottlingOptions>): void;
  setPaging(options: Partial<PagingOptions>): void;
  /** Every access token issued so far is refused from now on (expired); new ones work. */
  expireAccessTokens(): void;
  /** Refuse every access token, old or new, until set back to false. */
  rejectAllAccessTokens(reject: boolean): void;
  revokeRefreshTokens(): void;
  approveDeviceCode(userCode?: string): boolean;
  denyDeviceCode(userCode?: string): boolean;
  requests(): LoggedRequest[];
  /** Resolves once no delayed request (a 'delay' fault) is still waiting to be carried out. */
  settled(): Promise<void>;
  /** Every byte any client sent to the emulator's servers (Graph, admin and token endpoint) since the last reset. */
  received(): Buffer;
  clearRequests(): void;
  /** Forget activities, faults, the request log and throttling counters. */
  reset(): void;
  dump(): Record<string, unknown>;
  /** Stores activities (with their history items) as if their app had PUT them: seeds feeds from other machines. */
  seed(activities: Record<string, unknown>[], options?: { clientId?: string; userId?: string }): number;
  /** The profile and switches in force. */
  profile(): { profile: string; switches: ServiceSwitches; description: string };
  /** `{ profile?, ...switches }`: a profile (default: the current switches) with single switches over it. Throws ProfileError. */
  setProfile(change: Record<string, unknown>): void;
  /** The service's clock: its time now and how far it was moved ahead of real time. */
  clock(): ClockState;
  /** Moves the service's clock forward (`{ days }`, `{ ms }` or `{ to }`); never back. Throws ClockError. */
  moveClock(change: ClockChange): ClockState;
}

export function serveAdmin(method: string, path: string, raw: Buffer, admin: EmulatorAdmin): { status: number; body?: unknown } {
  let body: Record<string, unknown> = {};
  if (raw.length > 0) {
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
    } catch {
      return { status: 400, body: { error: 'admin bodies are JSON' } };
    }
  }
  const route = `${method} ${path}`;
  switch (route) {
    case 'GET /state':
      return { status: 200, body: admin.dump() };
    case 'POST /seed':
      if (!Array.isArray(body.activities)) return { status: 400, body: { error: 'activities must be an array' } };
      return {
        status: 200,
        body: {
          seeded: admin.seed(body.activities as Record<string, unknown>[], {
            clientId: typeof body.clientId === 'string' ? body.clientId : undefined,
            userId: typeof body.userId === 'string' ? body.userId : undefined,
          }),
        },
      };
    case 'POST /reset':
      admin.reset();
      return { status: 200, body: { ok: true } };
    case 'GET /profile':
      return { status: 200, body: admin.profile() };
    case 'POST /profile':
      try {
        admin.setProfile(body);
      } catch (error) {
        if (error instanceof ProfileError) return { status: 400, body: { error: error.message } };
        throw error;
      }
      return { status: 200, body: admin.profile() };
    case 'GET /clock':
      return { status: 200, body: admin.clock() };
    case 'POST /clock':
      try {
        return { status: 200, body: admin.moveClock(body) };
      } catch (error) {
        if (error instanceof ClockError) return { status: 400, body: { error: error.message } };
        throw error;
      }
    case 'GET /requests':
      return { status: 200, body: admin.requests() };
    case 'GET /received':
      return { status: 200, body: { base64: admin.received().toString('base64') } };
    case 'DELETE /requests':
      admin.clearRequests();
      return { status: 200, body: { ok: true } };
    case 'POST /faults': {
      const problem = faultRuleProblem(body);
      if (problem) return { status: 400, body: { error: problem } };
      admin.addFault(body);
      return { status: 200, body: { ok: true } };
    }
    case 'DELETE /faults':
      admin.clearFaults();
      return { status: 200, body: { ok: true } };
    case 'POST /throttling':
      admin.setThrottling(body);
      return { status: 200, body: { ok: true } };
    case 'POST /paging':
      admin.setPaging(body);
      return { status: 200, body: { ok: true } };
    case 'POST /tokens':
      return {
        status: 200,
        body: {
          access_token: admin.mintAccessToken({
            clientId: typeof body.clientId === 'string' ? body.clientId : undefined,
            scopes: Array.isArray(body.scopes) ? body.scopes.map(String) : undefined,
            lifetimeSeconds: typeof body.lifetimeSeconds === 'number' ? body.lifetimeSeconds : undefined,
          }),
        },
      };
    case 'POST /tokens/expire':
      admin.expireAccessTokens();
      return { status: 200, body: { ok: true } };
    case 'POST /tokens/reject':
      admin.rejectAllAccessTokens(body.reject !== false);
      return { status: 200, body: { ok: true } };
    case 'POST /tokens/revoke-refresh':
      admin.revokeRefreshTokens();
      return { status: 200, body: { ok: true } };
    case 'POST /devicecodes/approve':
      return {
        status: 200,
        body: { approved: admin.approveDeviceCode(typeof body.user_code === 'string' ? body.user_code : undefined) },
      };
    case 'POST /devicecodes/deny':
      return {
        status: 200,
        body: { denied: admin.denyDeviceCode(typeof body.user_code === 'string' ? body.user_code : undefined) },
      };
    default:
      return { status: 404, body: { error: `no admin route ${route}` } };
  }
}
