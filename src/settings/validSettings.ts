// The extension's settings (beyond tracking, which the tracker validates itself), validated from raw values.
// Pure: the editor-side reader (config.ts) hands in what it read; nothing here throws.
import { activitySourceHostProblems, DEFAULT_ACTIVITY_SOURCE_HOST } from '../activity/activitySourceHost';
import type { PrivacyLevel } from '../privacy/disclosure';
import { DEFAULT_PRIVACY, resolvePrivacy, type PrivacySources } from '../privacy/floor';
export { stricterPrivacy } from '../privacy/disclosure';
import { localize } from '../text/l10n';
import { quoteSettingValue } from '../text/settingValue';

export interface ContentSettings {
  /**
   * The window's level, without any confirmed workspace override: the person's own level, or a stricter one the
   * workspace asks for. Payloads use the level resolved per document (activity/privacyFloor.ts) instead.
   */
  privacy: PrivacyLevel;
  workspaceAlias: string;
  displayTextTemplate?: string;
  descriptionTemplate?: string;
  backgroundColor: string;
  iconUrl?: string;
  timezone?: string;
  activitySourceHost: string;
  /** Days after its last activity Graph is asked to keep each history item; 0 leaves it to the service. */
  keepDays: number;
}

export interface GraphSettings {
  endpoint: string;
  requestTimeoutSeconds: number;
  writesPerFiveMinutes: number;
  writesPerDay: number;
  readsPerFiveMinutes: number;
  readsPerDay: number;
  maxAttempts: number;
}

export const SIGN_IN_METHODS = ['auto', 'vscode', 'deviceCode', 'browser'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export interface AuthSettings {
  method: SignInMethod;
  /** Application (client) id of the user's own app registration; empty until they set it. */
  clientId: string;
  tenant: string;
  /** An https origin, e.g. https://login.microsoftonline.com (no path). */
  authorityHost: string;
}

export interface PublishSettings {
  mode: 'automatic' | 'manual';
  finishedDelaySeconds: number;
  intervalSeconds: number;
  onWindowBlur: boolean;
  onShutdown: boolean;
  /** Most sessions the outbox keeps; beyond it the oldest are dropped, with a warning. */
  maxQueuedSessions: number;
}

export interface TimesheetSettings {
  /** An RE2 pattern that finds a ticket key in a branch name; checked where it is compiled (src/insights/timesheet). */
  ticketPattern: string;
  /** Look for a ticket in the first line of the commit message at a session's end when its branch names none. */
  ticketFromCommitMessage: boolean;
}

/** Keys like ABC-123 (Jira, YouTrack, Linear) and #123 (GitHub, GitLab, Azure Boards). */
export const DEFAULT_TICKET_PATTERN = '[A-Z][A-Z0-9]{1,9}-[0-9]{1,7}|#[0-9]{1,7}';
export const MAX_TICKET_PATTERN_LENGTH = 200;

export interface Settings {
  content: ContentSettings;
  timesheet: TimesheetSettings;
  graph: GraphSettings;
  auth: AuthSettings;
  publish: PublishSettings;
}

export const DEFAULT_SETTINGS: Settings = {
  content: {
    privacy: DEFAULT_PRIVACY,
    workspaceAlias: '',
    backgroundColor: '#1F3B57',
    activitySourceHost: DEFAULT_ACTIVITY_SOURCE_HOST,
    keepDays: 90,
  },
  timesheet: { ticketPattern: DEFAULT_TICKET_PATTERN, ticketFromCommitMessage: false },
  graph: {
    endpoint: 'https://graph.microsoft.com/v1.0',
    requestTimeoutSeconds: 30,
    writesPerFiveMinutes: 60,
    writesPerDay: 4000,
    readsPerFiveMinutes: 200,
    readsPerDay: 6000,
    maxAttempts: 4,
  },
  auth: { method: 'auto', clientId: '', tenant: 'common', authorityHost: 'https://login.microsoftonline.com' },
  publish: {
    mode: 'automatic',
    finishedDelaySeconds: 30,
    intervalSeconds: 600,
    onWindowBlur: false,
    onShutdown: true,
    maxQueuedSessions: 20000,
  },
};

const PUBLISH_RANGES: Record<'finishedDelaySeconds' | 'intervalSeconds' | 'maxQueuedSessions', [number, number]> = {
  finishedDelaySeconds: [0, 3600],
  intervalSeconds: [15, 86_400],
  maxQueuedSessions: [100, 100_000],
};

const CONTENT_RANGES: Record<'keepDays', [number, number]> = { keepDays: [0, 3650] };

const GRAPH_RANGES: Record<Exclude<keyof GraphSettings, 'endpoint'>, [number, number]> = {
  requestTimeoutSeconds: [5, 120],
  writesPerFiveMinutes: [1, 90],
  writesPerDay: [1, 7500],
  readsPerFiveMinutes: [1, 350],
  readsPerDay: [1, 11000],
  maxAttempts: [1, 8],
};

/** What the reader found for each setting: values of the user's and of the workspace's settings, separately. */
export interface RawSettings {
  /** Privacy as each scope holds it (user, workspace, folder), any possibly unset. */
  privacy: PrivacySources;
  workspaceAlias?: unknown;
  displayTextTemplate?: unknown;
  descriptionTemplate?: unknown;
  backgroundColor?: unknown;
  iconUrl?: unknown;
  timezone?: unknown;
  activitySourceHost?: unknown;
  keepDays?: unknown;
  ticketPattern?: unknown;
  ticketFromCommitMessage?: unknown;
  graph: Partial<Record<keyof GraphSettings, unknown>>;
  auth?: Partial<Record<keyof AuthSettings, unknown>>;
  publish?: Partial<Record<keyof PublishSettings, unknown>>;
  /** User-only settings (without `activityFeed.`) that a workspace's settings also set: reported as ignored. */
  ignoredWorkspaceValues?: readonly string[];
}

export interface SettingsReport {
  settings: Settings;
  /** One message per setting whose value could not be used, naming the setting and what is used instead. */
  problems: string[];
}

const LOOPBACK_HTTP = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** https, or http on loopback (local testing only); no credentials, query or fragment. */
export function graphEndpointProblem(value: string): string | undefined {
  const url = parseUrl(value);
  if (!url) return localize('is not a URL');
  if (url.protocol !== 'https:' && !LOOPBACK_HTTP.test(value))
    return localize('must start with https:// (http:// only for 127.0.0.1 or localhost)');
  if (url.username || url.password) return localize('must not contain credentials');
  if (url.search || url.hash) return localize('must not have a query or fragment');
  return undefined;
}

const GUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const GUID = new RegExp(`^${GUID_PATTERN}$`);
const TENANT = new RegExp(`^(common|organizations|consumers|${GUID_PATTERN}|[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+)$`);

/** The sign-in authority must be an https origin: MSAL refuses anything else, and it receives the refresh token. */
export function authorityHostProblem(value: string): string | undefined {
  const url = parseUrl(value);
  if (!url) return localize('is not a URL');
  if (url.protocol !== 'https:') return localize('must start with https://');
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== ''))
    return localize('must be https:// and a host only, with no path');
  return undefined;
}

function parseAuth(
  raw: RawSettings['auth'],
  problem: (name: string, value: unknown, why: string, fallback: unknown) => void,
): AuthSettings {
  const auth = { ...DEFAULT_SETTINGS.auth };
  if (!raw) return auth;
  if (raw.method !== undefined) {
    if ((SIGN_IN_METHODS as readonly unknown[]).includes(raw.method)) auth.method = raw.method as SignInMethod;
    else problem('auth.method', raw.method, localize('is not one of {0}', SIGN_IN_METHODS.join(', ')), auth.method);
  }
  if (raw.clientId !== undefined && raw.clientId !== '') {
    if (typeof raw.clientId === 'string' && GUID.test(raw.clientId.trim())) auth.clientId = raw.clientId.trim().toLowerCase();
    else
      problem(
        'auth.clientId',
        raw.clientId,
        localize('is not an application (client) id such as 00000000-0000-0000-0000-000000000000'),
        '',
      );
  }
  if (raw.tenant !== undefined && raw.tenant !== '') {
    if (typeof raw.tenant === 'string' && TENANT.test(raw.tenant.trim())) auth.tenant = raw.tenant.trim();
    else
      problem(
        'auth.tenant',
        raw.tenant,
        localize('is not common, organizations, consumers, a tenant id or a domain'),
        auth.tenant,
      );
  }
  if (raw.authorityHost !== undefined && raw.authorityHost !== '') {
    const why = typeof raw.authorityHost === 'string' ? authorityHostProblem(raw.authorityHost) : localize('is not text');
    if (why) problem('auth.authorityHost', raw.authorityHost, why, auth.authorityHost);
    else auth.authorityHost = new URL(raw.authorityHost as string).origin;
  }
  return auth;
}

/** Copies each raw value that is a whole number within its range into `target`; reports the others by name. */
function applyWholeNumbers<K extends string>(
  target: Record<K, number>,
  raw: Partial<Record<K, unknown>>,
  ranges: Record<K, [number, number]>,
  section: string,
  problem: (name: string, value: unknown, why: string, fallback: unknown) => void,
): void {
  for (const [key, [min, max]] of Object.entries(ranges) as [K, [number, number]][]) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) target[key] = value;
    else problem(`${section}.${key}`, value, localize('is not a whole number from {0} to {1}', min, max), target[key]);
  }
}

function parsePublish(
  raw: RawSettings['publish'],
  problem: (name: string, value: unknown, why: string, fallback: unknown) => void,
): PublishSettings {
  const publish = { ...DEFAULT_SETTINGS.publish };
  if (!raw) return publish;
  if (raw.mode !== undefined) {
    if (raw.mode === 'automatic' || raw.mode === 'manual') publish.mode = raw.mode;
    else problem('publish.mode', raw.mode, localize('is not automatic or manual'), publish.mode);
  }
  for (const key of ['onWindowBlur', 'onShutdown'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value === 'boolean') publish[key] = value;
    else problem(`publish.${key}`, value, localize('is not true or false'), publish[key]);
  }
  applyWholeNumbers(publish, raw, PUBLISH_RANGES, 'publish', problem);
  return publish;
}

/** The timesheet's settings: the ticket pattern's length is bounded here; RE2 compiles it where it is used. */
function parseTimesheet(
  raw: Pick<RawSettings, 'ticketPattern' | 'ticketFromCommitMessage'>,
  text: (name: string, value: unknown, max: number) => string | undefined,
  problem: (name: string, value: unknown, why: string, fallback: unknown) => void,
): TimesheetSettings {
  const d = DEFAULT_SETTINGS.timesheet;
  const ticketPattern = text('timesheet.ticketPattern', raw.ticketPattern, MAX_TICKET_PATTERN_LENGTH) ?? d.ticketPattern;
  const fromCommit = raw.ticketFromCommitMessage;
  if (fromCommit === undefined || fromCommit === null || typeof fromCommit === 'boolean')
    return { ticketPattern, ticketFromCommitMessage: fromCommit ?? d.ticketFromCommitMessage };
  problem('timesheet.ticketFromCommitMessage', fromCommit, localize('is not true or false'), d.ticketFromCommitMessage);
  return { ticketPattern, ticketFromCommitMessage: d.ticketFromCommitMessage };
}

export function parseSettings(raw: RawSettings): SettingsReport {
  const problems: string[] = [];
  const d = DEFAULT_SETTINGS;
  const problem = (name: string, value: unknown, why: string, fallback: unknown) =>
    problems.push(
      localize('activityFeed.{0}: {1} {2}; using {3}.', name, quoteSettingValue(value), why, quoteSettingValue(fallback)),
    );

  const privacyResolution = resolvePrivacy(raw.privacy);
  problems.push(...privacyResolution.problems);

  const text = (name: string, value: unknown, max: number): string | undefined => {
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') return void problem(name, value, localize('is not text'), null);
    if (value.length > max) return void problem(name, value, localize('is longer than {0} characters', max), null);
    return value;
  };

  let backgroundColor = d.content.backgroundColor;
  if (raw.backgroundColor !== undefined) {
    if (typeof raw.backgroundColor === 'string' && /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(raw.backgroundColor))
      backgroundColor = raw.backgroundColor;
    else problem('backgroundColor', raw.backgroundColor, localize('is not a #RGB or #RRGGBB colour'), backgroundColor);
  }

  let iconUrl = text('iconUrl', raw.iconUrl, 2048);
  if (iconUrl && !/^https:\/\/[^\s]+$/.test(iconUrl)) {
    problem('iconUrl', iconUrl, localize('is not an https:// URL'), null);
    iconUrl = undefined;
  }

  let activitySourceHost = d.content.activitySourceHost;
  if (raw.activitySourceHost !== undefined && raw.activitySourceHost !== '') {
    const issues =
      typeof raw.activitySourceHost === 'string' ? activitySourceHostProblems(raw.activitySourceHost) : [localize('is not text')];
    if (issues.length === 0) activitySourceHost = raw.activitySourceHost as string;
    else problem('activitySourceHost', raw.activitySourceHost, issues.join('; '), activitySourceHost);
  }

  const graph = { ...d.graph };
  if (raw.graph.endpoint !== undefined) {
    const why = typeof raw.graph.endpoint === 'string' ? graphEndpointProblem(raw.graph.endpoint) : localize('is not text');
    if (why) problem('graph.endpoint', raw.graph.endpoint, why, graph.endpoint);
    else graph.endpoint = (raw.graph.endpoint as string).replace(/(?<!\/)\/+$/, '');
  }
  applyWholeNumbers(graph, raw.graph, GRAPH_RANGES, 'graph', problem);

  for (const name of raw.ignoredWorkspaceValues ?? []) {
    problems.push(
      localize('activityFeed.{0}: the value in this workspace’s settings is ignored; only your user settings can set it.', name),
    );
  }

  const workspaceAlias = text('workspaceAlias', raw.workspaceAlias, 100) ?? '';
  const displayTextTemplate = text('displayTextTemplate', raw.displayTextTemplate, 256);
  const descriptionTemplate = text('descriptionTemplate', raw.descriptionTemplate, 1024);
  const timezone = text('timezone', raw.timezone, 64);
  const history = { keepDays: d.content.keepDays };
  applyWholeNumbers(history, { keepDays: raw.keepDays }, CONTENT_RANGES, 'history', problem);
  return {
    settings: {
      content: {
        privacy: privacyResolution.level,
        workspaceAlias,
        ...(displayTextTemplate ? { displayTextTemplate } : {}),
        ...(descriptionTemplate ? { descriptionTemplate } : {}),
        backgroundColor,
        ...(iconUrl ? { iconUrl } : {}),
        ...(timezone ? { timezone } : {}),
        activitySourceHost,
        keepDays: history.keepDays,
      },
      timesheet: parseTimesheet(raw, text, problem),
      graph,
      auth: parseAuth(raw.auth, problem),
      publish: parsePublish(raw.publish, problem),
    },
    problems,
  };
}
