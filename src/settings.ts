// The extension's settings (beyond tracking, which the tracker validates itself), validated from raw values.
// Pure: the editor-side reader (config.ts) hands in what it read; nothing here throws.
import { activitySourceHostProblems, DEFAULT_ACTIVITY_SOURCE_HOST, isPrivacyLevel, PRIVACY_LEVELS } from './activity';
import type { PrivacyLevel } from './activity';

export interface ContentSettings {
  privacy: PrivacyLevel;
  workspaceAlias: string;
  displayTextTemplate?: string;
  descriptionTemplate?: string;
  backgroundColor: string;
  iconUrl?: string;
  timezone?: string;
  activitySourceHost: string;
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

export interface Settings {
  content: ContentSettings;
  graph: GraphSettings;
}

export const DEFAULT_SETTINGS: Settings = {
  content: { privacy: 'fileNameOnly', workspaceAlias: '', backgroundColor: '#1F3B57', activitySourceHost: DEFAULT_ACTIVITY_SOURCE_HOST },
  graph: {
    endpoint: 'https://graph.microsoft.com/v1.0',
    requestTimeoutSeconds: 30,
    writesPerFiveMinutes: 60,
    writesPerDay: 4000,
    readsPerFiveMinutes: 200,
    readsPerDay: 6000,
    maxAttempts: 4,
  },
};

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
  /** Privacy from user settings and from the workspace (folder) settings, either possibly unset. */
  privacy: { user?: unknown; workspace?: unknown };
  workspaceAlias?: unknown;
  displayTextTemplate?: unknown;
  descriptionTemplate?: unknown;
  backgroundColor?: unknown;
  iconUrl?: unknown;
  timezone?: unknown;
  activitySourceHost?: unknown;
  graph: Partial<Record<keyof GraphSettings, unknown>>;
}

export interface SettingsReport {
  settings: Settings;
  /** One message per setting whose value could not be used, naming the setting and what is used instead. */
  problems: string[];
}

/** The more private of two levels (levels are ordered from most to least disclosure). */
export function stricterPrivacy(a: PrivacyLevel, b: PrivacyLevel): PrivacyLevel {
  return PRIVACY_LEVELS.indexOf(a) >= PRIVACY_LEVELS.indexOf(b) ? a : b;
}

const LOOPBACK_HTTP = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

/** https, or http on loopback (local testing only); no credentials, query or fragment. */
export function graphEndpointProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && !LOOPBACK_HTTP.test(value)) return 'must start with https:// (http:// only for 127.0.0.1 or localhost)';
  if (url.username || url.password) return 'must not contain credentials';
  if (url.search || url.hash) return 'must not have a query or fragment';
  return undefined;
}

export function parseSettings(raw: RawSettings): SettingsReport {
  const problems: string[] = [];
  const d = DEFAULT_SETTINGS;
  const problem = (name: string, value: unknown, why: string, fallback: unknown) =>
    problems.push(`activityFeed.${name}: ${JSON.stringify(value)} ${why}; using ${JSON.stringify(fallback)}.`);

  const levels = [raw.privacy.user, raw.privacy.workspace].filter((v) => v !== undefined);
  let privacy: PrivacyLevel | undefined;
  for (const level of levels) {
    if (!isPrivacyLevel(level)) {
      problem('privacy', level, `is not one of ${PRIVACY_LEVELS.join(', ')}`, 'private');
      privacy = 'private';
      continue;
    }
    privacy = privacy ? stricterPrivacy(privacy, level) : level;
  }

  const text = (name: string, value: unknown, max: number): string | undefined => {
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') return void problem(name, value, 'is not text', null);
    if (value.length > max) return void problem(name, `${value.slice(0, 20)}…`, `is longer than ${max} characters`, null);
    return value;
  };

  let backgroundColor = d.content.backgroundColor;
  if (raw.backgroundColor !== undefined) {
    if (typeof raw.backgroundColor === 'string' && /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(raw.backgroundColor)) backgroundColor = raw.backgroundColor;
    else problem('backgroundColor', raw.backgroundColor, 'is not a #RGB or #RRGGBB colour', backgroundColor);
  }

  let iconUrl = text('iconUrl', raw.iconUrl, 2048);
  if (iconUrl && !/^https:\/\/[^\s]+$/.test(iconUrl)) {
    problem('iconUrl', iconUrl, 'is not an https:// URL', null);
    iconUrl = undefined;
  }

  let activitySourceHost = d.content.activitySourceHost;
  if (raw.activitySourceHost !== undefined && raw.activitySourceHost !== '') {
    const issues = typeof raw.activitySourceHost === 'string' ? activitySourceHostProblems(raw.activitySourceHost) : ['is not text'];
    if (issues.length === 0) activitySourceHost = raw.activitySourceHost as string;
    else problem('activitySourceHost', raw.activitySourceHost, issues.join('; '), activitySourceHost);
  }

  const graph = { ...d.graph };
  if (raw.graph.endpoint !== undefined) {
    const why = typeof raw.graph.endpoint === 'string' ? graphEndpointProblem(raw.graph.endpoint) : 'is not text';
    if (why) problem('graph.endpoint', raw.graph.endpoint, why, graph.endpoint);
    else graph.endpoint = (raw.graph.endpoint as string).replace(/\/+$/, '');
  }
  for (const [key, [min, max]] of Object.entries(GRAPH_RANGES) as [keyof typeof GRAPH_RANGES, [number, number]][]) {
    const value = raw.graph[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      problem(`graph.${key}`, value, `is not a whole number from ${min} to ${max}`, graph[key]);
    } else {
      graph[key] = value;
    }
  }

  const workspaceAlias = text('workspaceAlias', raw.workspaceAlias, 100) ?? '';
  const displayTextTemplate = text('displayTextTemplate', raw.displayTextTemplate, 256);
  const descriptionTemplate = text('descriptionTemplate', raw.descriptionTemplate, 1024);
  const timezone = text('timezone', raw.timezone, 64);
  return {
    settings: {
      content: {
        privacy: privacy ?? d.content.privacy,
        workspaceAlias,
        ...(displayTextTemplate ? { displayTextTemplate } : {}),
        ...(descriptionTemplate ? { descriptionTemplate } : {}),
        backgroundColor,
        ...(iconUrl ? { iconUrl } : {}),
        ...(timezone ? { timezone } : {}),
        activitySourceHost,
      },
      graph,
    },
    problems,
  };
}
