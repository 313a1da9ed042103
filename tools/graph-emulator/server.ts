// startEmulator: the Graph service over HTTP, its token endpoint over HTTPS, and an admin API for tests.

import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { AddressInfo } from 'node:net';
import { handleBatch, defaultCode } from './batch';
import { emulatorTlsMaterial } from './certs';
import { Json, JsonObject } from './contract';
import { echoForms, sendBigBody } from './faultAnswers';
import { Fault, FaultInjector } from './faults';
import { ApiResponse, Caller, errorResponse, GraphApi, PagingOptions, activityWire } from './graphApi';
import { EmulatorAdmin, LoggedRequest, serveAdmin } from './adminRoutes';
import { serveAuth } from './authRoutes';
import { closeServer, listen, loggedHeaders, lowerHeaders, readBody } from './http';
import { DEFAULT_USER, GRAPH_PERMISSION, IdentityProvider } from './identity';
import { describeSwitches, ProfileError, profileNamed, profileOf, ServiceSwitches, withSwitches } from './profile';
import { ActivityStore } from './store';
import { SERVICE_THROTTLING, Throttle, ThrottlingOptions } from './throttle';
import { renderTimeline } from './timeline';
import { ServiceClock } from './clock';
import { ReceivedBytes } from './received';

export interface EmulatorOptions {
  host?: string;
  /** Graph port; 0 (default) picks a free one. */
  port?: number;
  /** Token endpoint port (HTTPS); 0 picks a free one. */
  authPort?: number;
  /** Serve the token endpoint (default true). */
  auth?: boolean;
  now?: () => number;
  random?: () => number;
  throttling?: Partial<ThrottlingOptions>;
  paging?: Partial<PagingOptions>;
  autoApproveDeviceCodes?: boolean;
  accessTokenLifetimeSeconds?: number;
  /** How the service answers what its documentation leaves open; default 'documented'. */
  profile?: string;
  /** Single switches over the profile (names as in ServiceSwitches or as command-line flags). */
  switches?: Partial<Record<keyof ServiceSwitches, string>> | Record<string, string>;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:PORT/v1.0 */
  graphUrl: string;
  /** e.g. http://127.0.0.1:PORT — admin API under /_emulator/, timeline at / */
  origin: string;
  /** e.g. https://127.0.0.1:PORT — an authorityHost for @azure/identity; undefined with auth: false. */
  authorityUrl?: string;
  caPem?: string;
  state: ActivityStore;
  identity: IdentityProvider;
  /** The switches in force (changed in place by admin.setProfile). */
  service: ServiceSwitches;
  admin: EmulatorAdmin;
  close(): Promise<void>;
}

export const DEFAULT_CLIENT_ID = '11111111-2222-4333-8444-555555555555';
const AUTH_FAILURE_WINDOW_MS = 60_000;
const AUTH_FAILURES_BEFORE_409 = 10;
const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const service: ServiceSwitches = withSwitches(profileNamed(options.profile ?? 'documented'), options.switches ?? {});
  // The service's own time, which the admin API can move forward: what it stamps and when it forgets follow it.
  // Tokens and throttling keep real time, so moving the clock by weeks does not expire a signed-in client.
  const clock = new ServiceClock(now);
  const store = new ActivityStore(clock.now, service);
  const throttle = new Throttle({ ...SERVICE_THROTTLING, ...options.throttling }, now, service);
  const authFailures: number[] = [];
  const faults = new FaultInjector(options.random);
  const log: LoggedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const received = new ReceivedBytes();
  const pendingDelays = new Set<() => void>();

  const graphServer = createHttpServer();
  await listen(graphServer, options.port ?? 0, host);
  const origin = `http://${host}:${(graphServer.address() as AddressInfo).port}`;
  const graphUrl = `${origin}/v1.0`;
  const api = new GraphApi(store, throttle, { pageSize: 10, emptyPagesBetween: 0, ...options.paging }, graphUrl, service);
  const identity = new IdentityProvider(now, origin, '', { autoApprove: options.autoApproveDeviceCodes });
  if (options.accessTokenLifetimeSeconds !== undefined) identity.accessTokenLifetimeSeconds = options.accessTokenLifetimeSeconds;

  const admin: EmulatorAdmin = {
    mintAccessToken: (o = {}) => identity.mintAccessToken(o.clientId ?? DEFAULT_CLIENT_ID, o.userId, o.scopes, o.lifetimeSeconds),
    addFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    setThrottling: (t) => Object.assign(throttle.options, t),
    setPaging: (p) => Object.assign(api.paging, p),
    expireAccessTokens: () => identity.expireIssuedAccessTokens(),
    rejectAllAccessTokens: (reject) => {
      identity.rejectAll = reject;
    },
    revokeRefreshTokens: () => identity.revokeRefreshTokens(),
    approveDeviceCode: (code) => identity.approveDeviceCode(code),
    denyDeviceCode: (code) => identity.denyDeviceCode(code),
    settled: async () => {
      while (pendingDelays.size > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    requests: () => [...log],
    received: () => received.all(),
    clearRequests: () => {
      log.length = 0;
    },
    reset: () => {
      store.reset();
      clock.reset();
      faults.clear();
      throttle.reset();
      identity.rejectAll = false;
      log.length = 0;
      received.clear();
    },
    seed: (activities, o = {}) => {
      for (const body of activities)
        store.upsertActivity(o.userId ?? DEFAULT_USER.oid, o.clientId ?? DEFAULT_CLIENT_ID, body as JsonObject);
      return activities.length;
    },
    profile: () => ({ profile: profileOf(service), switches: { ...service }, description: describeSwitches(service) }),
    clock: () => clock.state(),
    moveClock: (change) => clock.move(change),
    setProfile: (change) => {
      const { profile, ...switches } = change;
      if (profile !== undefined && typeof profile !== 'string')
        throw new ProfileError(`A profile is named by a string, not ${JSON.stringify(profile)}.`);
      const base = profile === undefined ? { ...service } : profileNamed(profile);
      Object.assign(service, withSwitches(base, switches));
    },
    dump: () => ({
      profile: profileOf(service),
      switches: { ...service },
      clock: clock.state(),
      activities: store.all().map((a) => ({
        userId: a.userId,
        clientId: a.clientId,
        appActivityId: a.appActivityId,
        ...activityWire(a, store.liveHistoryItems(a)),
      })),
      faults: faults.list(),
      throttling: throttle.options,
      paging: api.paging,
    }),
  };

  graphServer.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  /** Waits `ms`; resolves false (at once) when the client disconnects first and the request should be forgotten. */
  function waitUnlessGone(res: ServerResponse, ms: number, applyIfGone: boolean): Promise<boolean> {
    return new Promise((resolve) => {
      const finish = (stayed: boolean) => {
        clearTimeout(timer);
        pendingDelays.delete(release);
        res.off('close', onClose);
        resolve(stayed);
      };
      const release = () => finish(false);
      const onClose = () => {
        if (!applyIfGone) finish(false);
      };
      const timer = setTimeout(() => finish(!res.destroyed || applyIfGone), ms);
      pendingDelays.add(release);
      res.on('close', onClose);
    });
  }

  graphServer.on('request', (req, res) => {
    void readBody(req)
      .then((body) => {
        received.recordRequest(req, body);
        return serveGraphSide(req, res, body);
      })
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`Emulator failure: ${String(error)}`);
      });
  });

  async function serveGraphSide(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const url = req.url ?? '/';
    const entry: LoggedRequest = {
      at: new Date(now()).toISOString(),
      server: 'graph',
      method: req.method ?? '',
      url,
      status: 0,
      headers: loggedHeaders(req),
      body: body.toString('utf8'),
    };
    log.push(entry);
    const queryAt = url.indexOf('?');
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    const query = new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1));
    if (path === '/' || path === '/_emulator/timeline') {
      entry.server = 'admin';
      return sendRaw(
        res,
        entry,
        200,
        'text/html; charset=utf-8',
        renderTimeline(store, { profile: describeSwitches(service), clock: clock.state() }),
      );
    }
    if (path.startsWith('/_emulator/')) {
      entry.server = 'admin';
      const answer = serveAdmin(req.method ?? '', path.slice('/_emulator'.length), body, admin);
      return sendRaw(res, entry, answer.status, 'application/json', JSON.stringify(answer.body ?? {}));
    }
    if (!path.startsWith('/v1.0/')) return sendRaw(res, entry, 404, 'text/plain', 'Not found. Graph lives under /v1.0.');

    const graphPath = path.slice('/v1.0'.length);
    const fault = faults.next(req.method ?? '', graphPath, false);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'delay') {
      const clientStayed = await waitUnlessGone(res, fault.ms, fault.applyIfGone ?? true);
      if (!clientStayed) return;
    }
    if (fault?.kind === 'bigBody') {
      entry.status = fault.status;
      return sendBigBody(req, res, fault);
    }
    const response =
      fault?.kind === 'status'
        ? injected(fault)
        : fault?.kind === 'echo'
          ? echoed(fault, req, body)
          : handleGraph(req, graphPath, query, body);
    if (fault?.kind === 'lostAnswer') {
      entry.status = response.status;
      entry.lostAnswer = true;
      req.socket.destroy();
      return;
    }
    sendGraph(req, res, entry, response, fault?.kind === 'truncate');
  }

  function handleGraph(req: IncomingMessage, graphPath: string, query: URLSearchParams, raw: Buffer): ApiResponse {
    const caller = authenticate(req.headers.authorization);
    if ('status' in caller) return caller;
    let body: Json | undefined;
    if (raw.length > 0) {
      const contentType = req.headers['content-type'] ?? '';
      if (!/^application\/json\b/i.test(contentType))
        return errorResponse(
          415,
          'UnsupportedMediaType',
          `Content-Type '${contentType}' is not supported; send application/json.`,
        );
      try {
        body = JSON.parse(raw.toString('utf8')) as Json;
      } catch {
        return errorResponse(
          400,
          'BadRequest',
          'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
        );
      }
    }
    if (graphPath === '/$batch') {
      if (req.method !== 'POST') return errorResponse(405, 'notSupported', '$batch takes POST.');
      return handleBatch(body, caller, api, faults);
    }
    return api.handle({ method: req.method ?? '', path: graphPath, query, headers: lowerHeaders(req), body }, caller);
  }

  function authenticate(header: string | undefined): Caller | ApiResponse {
    const challenge = {
      'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
    };
    const match = /^Bearer ([^\s]+)$/.exec(header ?? '');
    const check = match ? identity.checkAccessToken(match[1]) : { ok: false as const, reason: 'Access token is empty.' };
    if (!check.ok) return authenticationFailure(check.reason, challenge);
    if (!check.scopes.includes(GRAPH_PERMISSION))
      return errorResponse(403, 'accessDenied', `Missing scope permissions on the request. API requires ${GRAPH_PERMISSION}.`);
    return { userId: check.userId, clientId: check.clientId };
  }

  /** With real error shapes, a burst of refused tokens turns into the 409 seen from the live service. */
  function authenticationFailure(reason: string, challenge: Record<string, string>): ApiResponse {
    const at = now();
    authFailures.push(at);
    while (authFailures.length > 0 && authFailures[0] <= at - AUTH_FAILURE_WINDOW_MS) authFailures.shift();
    if (service.errors === 'real' && authFailures.length > AUTH_FAILURES_BEFORE_409) {
      return errorResponse(409, 'UnknownError', 'Request limit exceeded for Authentication Failure.');
    }
    return errorResponse(401, 'InvalidAuthenticationToken', reason, undefined, challenge);
  }

  let authServer: Server | undefined;
  let authorityUrl: string | undefined;
  let caPem: string | undefined;
  if (options.auth ?? true) {
    const tls = emulatorTlsMaterial();
    caPem = tls.caPem;
    authServer = createHttpsServer({ cert: tls.certPem, key: tls.keyPem });
    await listen(authServer, options.authPort ?? 0, host);
    authorityUrl = `https://${host}:${(authServer.address() as AddressInfo).port}`;
    identity.authorityOrigin = authorityUrl;
    authServer.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    authServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
      void readBody(req).then((body) => {
        received.recordRequest(req, body);
        const entry: LoggedRequest = {
          at: new Date(now()).toISOString(),
          server: 'auth',
          method: req.method ?? '',
          url: req.url ?? '',
          status: 0,
          headers: loggedHeaders(req),
          body: body.toString('utf8'),
        };
        log.push(entry);
        const answer = serveAuth(req.method ?? '', req.url ?? '/', body.toString('utf8'), identity, authorityUrl!);
        sendRaw(res, entry, answer.status, 'application/json; charset=utf-8', JSON.stringify(answer.body));
      });
    });
  }

  return {
    graphUrl,
    origin,
    authorityUrl,
    caPem,
    state: store,
    identity,
    service,
    admin,
    close: async () => {
      for (const release of pendingDelays) release();
      for (const socket of sockets) socket.destroy();
      await Promise.all([closeServer(graphServer), authServer ? closeServer(authServer) : Promise.resolve()]);
    },
  };
}

function injected(fault: Extract<Fault, { kind: 'status' }>): ApiResponse {
  return errorResponse(
    fault.status,
    fault.code ?? defaultCode(fault.status),
    'Injected fault.',
    undefined,
    fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {},
  );
}

function echoed(fault: Extract<Fault, { kind: 'echo' }>, req: IncomingMessage, body: Buffer): ApiResponse {
  const headers: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
  // One line, as some gateways write it: a client that keeps only an error's first line still gets all of it.
  const forms = fault.forms?.length ? ` ${echoForms(fault.forms, req.headers.authorization ?? '', body.toString('utf8'))}` : '';
  const echo = `${req.method ?? ''} ${req.url ?? ''} ${headers.join(' ')} ${body.toString('utf8')}${fault.extra ?? ''}${forms}`;
  return errorResponse(fault.status, defaultCode(fault.status), `Your request was: ${echo}`);
}

function sendGraph(
  req: IncomingMessage,
  res: ServerResponse,
  entry: LoggedRequest,
  response: ApiResponse,
  truncate: boolean,
): void {
  const requestId = randomUUID();
  const clientRequestId = req.headers['client-request-id'];
  const headers: Record<string, string> = { ...response.headers, 'request-id': requestId, Date: new Date().toUTCString() };
  if (typeof clientRequestId === 'string') headers['client-request-id'] = clientRequestId;
  if (response.headers['Retry-After'] !== undefined) entry.retryAfter = response.headers['Retry-After'];
  fillRequestIds(response.body, requestId, typeof clientRequestId === 'string' ? clientRequestId : undefined);
  if (response.body === undefined) {
    entry.status = response.status;
    res.writeHead(response.status, headers).end();
    return;
  }
  let text = JSON.stringify(response.body);
  if (truncate) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  entry.status = response.status;
  res.writeHead(response.status, { ...headers, 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text) }).end(text);
}

/** Graph error bodies carry the request ids in innerError; batch bodies carry them per response. */
function fillRequestIds(body: unknown, requestId: string, clientRequestId: string | undefined): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
  const object = body as Record<string, unknown>;
  if (Array.isArray(object.responses)) {
    for (const inner of object.responses) fillRequestIds((inner as { body?: unknown }).body, randomUUID(), clientRequestId);
  }
  const error = object.error as Record<string, unknown> | undefined;
  if (!error || typeof error !== 'object') return;
  const innerError = (error.innerError as Record<string, unknown> | undefined) ?? {};
  innerError['request-id'] ??= requestId;
  if (clientRequestId) innerError['client-request-id'] ??= clientRequestId;
  error.innerError = innerError;
}

function sendRaw(res: ServerResponse, entry: LoggedRequest, status: number, type: string, text: string): void {
  entry.status = status;
  res
    .writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' })
    .end(text);
}

export { DEFAULT_USER };
export type { EmulatorAdmin, LoggedRequest };
