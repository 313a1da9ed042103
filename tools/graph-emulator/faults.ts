// Scripted or random misbehaviour, matched against incoming Graph requests.

export type Fault =
  /** Answer with this status and a Graph error body, without doing the work. */
  | { kind: 'status'; status: number; retryAfter?: string; code?: string }
  /**
   * Wait, then handle the request normally (a client with a shorter timeout gives up first, and the write still
   * lands). With `applyIfGone: false` the request is forgotten when its client disconnects during the wait.
   */
  | { kind: 'delay'; ms: number; applyIfGone?: boolean }
  /** Destroy the socket without an answer. */
  | { kind: 'drop' }
  /** Do the work, then send only the first half of the JSON body. */
  | { kind: 'truncate' }
  /** Do the work, then destroy the socket: the write landed but its answer never arrives. */
  | { kind: 'lostAnswer' }
  /**
   * Answer with this status and a Graph error whose message echoes the whole request, headers and body, plus
   * `extra` (as a misconfigured proxy or gateway's error page does): what a client stores or shows of it is tested.
   * `forms` adds the Authorization value and the body again, written each of those ways (see EchoForm).
   */
  | { kind: 'echo'; status: number; extra?: string; forms?: EchoForm[] }
  /**
   * Answer with this status and a JSON body of exactly `bytes` bytes, streamed, without doing the work: a Graph error
   * whose message is `fill` repeated (for a status of 400 or more), else `{"value":[],"padding":"…"}`.
   */
  | { kind: 'bigBody'; status: number; bytes: number; fill?: string };

/**
 * How an echo writes a value again, as pages and logs do: `urlEncoded` (`Bearer%20ey…`), `form`
 * (`authorization=Bearer+ey…&body=…`), `htmlAttribute` (`<input name="authorization" value="Bearer ey…">`) and
 * `word` (`token ey…`: the credential without its scheme, after a plain word).
 */
export type EchoForm = 'urlEncoded' | 'form' | 'htmlAttribute' | 'word';

export const ECHO_FORMS: readonly EchoForm[] = ['urlEncoded', 'form', 'htmlAttribute', 'word'];

/** The most a bigBody fault may send: enough for any cap a client has, small enough to stream in a test. */
export const MAX_BIG_BODY_BYTES = 256 * 1024 * 1024;

/** Why the admin API refuses a rule (its new fault kinds checked; the older ones are taken as they come). */
export function faultRuleProblem(rule: FaultRule): string | undefined {
  const faults: unknown[] = [...(Array.isArray(rule.sequence) ? rule.sequence : []), rule.fault];
  for (const fault of faults) {
    const problem = typeof fault === 'object' && fault !== null ? faultProblem(fault as Fault) : undefined;
    if (problem) return problem;
  }
  return undefined;
}

function isPlainJsonText(text: unknown): boolean {
  return typeof text === 'string' && text !== '' && [...text].every((ch) => ch !== '"' && ch !== '\\' && ch >= ' ');
}

function faultProblem(fault: Fault): string | undefined {
  if (fault.kind === 'bigBody') {
    if (!Number.isSafeInteger(fault.bytes) || fault.bytes < 0 || fault.bytes > MAX_BIG_BODY_BYTES)
      return `bigBody.bytes must be a whole number from 0 to ${MAX_BIG_BODY_BYTES}`;
    if (fault.fill !== undefined && !isPlainJsonText(fault.fill))
      return 'bigBody.fill must be text that needs no escaping in JSON';
  }
  if (fault.kind === 'echo' && fault.forms !== undefined) {
    if (!Array.isArray(fault.forms) || !fault.forms.every((form) => ECHO_FORMS.includes(form)))
      return `echo.forms must be a list of ${ECHO_FORMS.join(', ')}`;
  }
  return undefined;
}

export interface FaultRule {
  method?: string;
  /** Regular expression tested against the path under /v1.0 (e.g. "^/me/activities"). */
  path?: string;
  /** Match requests inside a $batch instead of top-level ones (only 'status' faults apply there). */
  inBatch?: boolean;
  /** Faults handed out one per matching request, in order; the rule ends when they run out. */
  sequence?: Fault[];
  /** Otherwise: this fault, for a share `rate` (0–1, default 1) of matching requests, at most `times` times. */
  fault?: Fault;
  rate?: number;
  times?: number;
}

export class FaultInjector {
  private rules: FaultRule[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, sequence: rule.sequence ? [...rule.sequence] : undefined });
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules;
  }

  /** The fault for this request, if a rule matches; consumes it. */
  next(method: string, path: string, inBatch: boolean): Fault | undefined {
    for (const rule of this.rules) {
      if ((rule.inBatch ?? false) !== inBatch) continue;
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (rule.path && !new RegExp(rule.path).test(path)) continue;
      if (rule.sequence) {
        const fault = rule.sequence.shift();
        if (rule.sequence.length === 0) this.rules = this.rules.filter((r) => r !== rule);
        if (fault) return fault;
        continue;
      }
      if (!rule.fault) continue;
      if (this.random() >= (rule.rate ?? 1)) continue;
      if (rule.times !== undefined) {
        rule.times -= 1;
        if (rule.times <= 0) this.rules = this.rules.filter((r) => r !== rule);
      }
      return rule.fault;
    }
    return undefined;
  }
}
