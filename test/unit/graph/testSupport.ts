// Shared test doubles: clocks, credentials against the emulator, a recording logger.

import { Clock } from '../../../src/graph/clock';
import { AccessTokenLike, TokenCredential, TokenRequestOptions } from '../../../src/graph/credential';
import { GraphLogger } from '../../../src/graph/logger';
import { RunningEmulator } from '../../../tools/graph-emulator';

/** Time stands still until advanced; sleepers wake in order of their deadline. */
export class FakeClock implements Clock {
  private sleepers: { at: number; resolve: () => void }[] = [];

  constructor(private time = 1_700_000_000_000) {}

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new Error('aborted'));
      const sleeper = { at: this.time + ms, resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(new Error('aborted'));
      });
    });
  }

  /** Moves time forward, waking sleepers one by one and letting their continuations run. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await flush();
      const due = this.sleepers.filter((s) => s.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.sleepers = this.sleepers.filter((s) => s !== due);
      this.time = Math.max(this.time, due.at);
      due.resolve();
    }
    this.time = end;
    await flush();
  }

  get pendingSleepers(): number {
    return this.sleepers.length;
  }
}

/** Every sleep returns at once but moves virtual time forward; records what was asked for. */
/** Real time plus every sleep, jumped over at once. Built on the monotonic clock: wall time can step back. */
export class JumpingClock implements Clock {
  readonly sleeps: number[] = [];
  private offset = 0;
  private readonly base = Date.now() - performance.now();

  now(): number {
    return Math.floor(this.base + performance.now()) + this.offset;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.offset += ms;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

export class RecordingLogger implements GraphLogger {
  readonly lines: string[] = [];
  debug(m: string): void {
    this.lines.push(`debug ${m}`);
  }
  info(m: string): void {
    this.lines.push(`info ${m}`);
  }
  warn(m: string): void {
    this.lines.push(`warn ${m}`);
  }
  error(m: string): void {
    this.lines.push(`error ${m}`);
  }
}

/** A caching credential backed by the emulator's token minting, like a real one with a cache. */
export class EmulatorCredential implements TokenCredential {
  readonly requests: { scopes: string | string[]; forceRefresh: boolean }[] = [];
  private cached: AccessTokenLike | undefined;

  constructor(
    private readonly emulator: RunningEmulator,
    private readonly clientId: string,
    private readonly grantedScopes: string[] = ['UserActivity.ReadWrite.CreatedByApp'],
  ) {}

  getToken(scopes: string | string[], options?: TokenRequestOptions): Promise<AccessTokenLike | null> {
    const forceRefresh = options?.forceRefresh === true;
    this.requests.push({ scopes, forceRefresh });
    if (!this.cached || forceRefresh) {
      this.cached = {
        token: this.emulator.admin.mintAccessToken({ clientId: this.clientId, scopes: this.grantedScopes }),
        expiresOnTimestamp: Date.now() + 3_600_000,
      };
    }
    return Promise.resolve(this.cached);
  }
}
