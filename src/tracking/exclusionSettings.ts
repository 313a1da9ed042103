// Validation of the exclusion settings. Pure: the adapter hands in what it read. These settings keep file names from
// leaving the machine, so a value of the wrong shape is read the way the person evidently meant it (a single pattern
// written as text, "false" written as text) rather than dropped, and is always reported.
//
// Exclusions only add up: the patterns of every scope (user, workspace, folder) are joined, and tracking is off
// when any scope turns it off. A repository's settings can therefore exclude more, never less, than the person's own.
import type { ExclusionSettings } from './documentFilter';
import { quoteSettingValue } from '../text/settingValue';
import { MAX_PATTERNS_PER_SCOPE, patternProblem } from './glob';

export interface CheckedExclusionSettings {
  readonly settings: ExclusionSettings;
  /** One message per value that was not of the declared type or over a cap, saying how it was read. */
  readonly problems: string[];
}

/** What `inspect()` found for one setting at each scope a person or a repository can write. */
export interface ScopedValues {
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

const ENABLED = 'activityFeed.tracking.enabled';
const EXCLUDE = 'activityFeed.tracking.exclude';

const SCOPES = [
  { key: 'globalValue', label: '' },
  { key: 'workspaceValue', label: ' (workspace settings)' },
  { key: 'workspaceFolderValue', label: ' (folder settings)' },
] as const;

/** The settings of one scope (the user's, unlabelled, unless `label` names another). */
export function parseExclusionSettings(enabled: unknown, exclude: unknown, label = ''): CheckedExclusionSettings {
  const problems: string[] = [];
  return {
    settings: { trackingEnabled: parseEnabled(enabled, problems, label), exclude: parseExclude(exclude, problems, label) },
    problems,
  };
}

/** Every scope joined: the union of the patterns, and tracking on only while no scope turns it off. */
export function combineExclusionScopes(
  enabled: ScopedValues | undefined,
  exclude: ScopedValues | undefined,
): CheckedExclusionSettings {
  const problems: string[] = [];
  let trackingEnabled = true;
  const patterns = new Set<string>();
  for (const { key, label } of SCOPES) {
    const scope = parseExclusionSettings(enabled?.[key], exclude?.[key], label);
    problems.push(...scope.problems);
    trackingEnabled &&= scope.settings.trackingEnabled;
    for (const pattern of scope.settings.exclude) patterns.add(pattern);
  }
  return { settings: { trackingEnabled, exclude: [...patterns] }, problems };
}

function parseEnabled(value: unknown, problems: string[], label: string): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (text === 'false' || text === 'true') {
    problems.push(`${ENABLED}${label}: ${quoteSettingValue(value)} is text, not true or false; read as ${text}.`);
    return text === 'true';
  }
  problems.push(`${ENABLED}${label}: ${quoteSettingValue(value)} is not true or false; using true.`);
  return true;
}

function parseExclude(value: unknown, problems: string[], label: string): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') {
    if (value.trim() === '') return [];
    problems.push(
      `${EXCLUDE}${label}: ${quoteSettingValue(value)} is one pattern, not a list of patterns; using it as [${quoteSettingValue(value)}].`,
    );
    return withinCaps([value], problems, label);
  }
  if (!Array.isArray(value)) {
    problems.push(`${EXCLUDE}${label}: ${quoteSettingValue(value)} is not a list of glob patterns; nothing is excluded by it.`);
    return [];
  }
  const patterns = value.filter((item): item is string => typeof item === 'string');
  const ignored = value.filter((item) => typeof item !== 'string');
  if (ignored.length > 0)
    problems.push(`${EXCLUDE}${label}: ignored ${quotedList(ignored)}: each entry must be a glob pattern in quotes.`);
  return withinCaps(patterns, problems, label);
}

const LISTED_ENTRIES = 5;

/** The first few entries quoted, then how many more there are: a list can hold thousands. */
function quotedList(items: readonly unknown[]): string {
  const shown = items.slice(0, LISTED_ENTRIES).map((item) => quoteSettingValue(item));
  const more = items.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** Drops patterns over the length cap and those beyond the count cap, naming both (patterns are matched in bounded time). */
function withinCaps(patterns: readonly string[], problems: string[], label: string): string[] {
  const kept: string[] = [];
  for (const pattern of patterns) {
    const why = patternProblem(pattern.trim());
    if (why) problems.push(`${EXCLUDE}${label}: ignored the pattern ${quoteSettingValue(pattern)}: it ${why}.`);
    else kept.push(pattern);
  }
  if (kept.length > MAX_PATTERNS_PER_SCOPE) {
    problems.push(`${EXCLUDE}${label}: ${kept.length} patterns; only the first ${MAX_PATTERNS_PER_SCOPE} are used.`);
    return kept.slice(0, MAX_PATTERNS_PER_SCOPE);
  }
  return kept;
}
