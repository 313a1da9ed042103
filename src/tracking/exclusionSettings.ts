// Validation of the resource-scoped exclusion settings. Pure: the adapter hands in what it read. These settings keep
// file names from leaving the machine, so a value of the wrong shape is read the way the person evidently meant it
// (a single pattern written as text, "false" written as text) rather than dropped, and is always reported.
import type { ExclusionSettings } from './documentFilter';

export interface CheckedExclusionSettings {
  readonly settings: ExclusionSettings;
  /** One message per value that was not of the declared type, saying how it was read. */
  readonly problems: string[];
}

const ENABLED = 'activityFeed.tracking.enabled';
const EXCLUDE = 'activityFeed.tracking.exclude';

export function parseExclusionSettings(enabled: unknown, exclude: unknown): CheckedExclusionSettings {
  const problems: string[] = [];
  return { settings: { trackingEnabled: parseEnabled(enabled, problems), exclude: parseExclude(exclude, problems) }, problems };
}

function parseEnabled(value: unknown, problems: string[]): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (text === 'false' || text === 'true') {
    problems.push(`${ENABLED}: ${JSON.stringify(value)} is text, not true or false; read as ${text}.`);
    return text === 'true';
  }
  problems.push(`${ENABLED}: ${JSON.stringify(value)} is not true or false; using true.`);
  return true;
}

function parseExclude(value: unknown, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') {
    if (value.trim() === '') return [];
    problems.push(`${EXCLUDE}: ${JSON.stringify(value)} is one pattern, not a list of patterns; using it as [${JSON.stringify(value)}].`);
    return [value];
  }
  if (!Array.isArray(value)) {
    problems.push(`${EXCLUDE}: ${JSON.stringify(value)} is not a list of glob patterns; nothing is excluded by it.`);
    return [];
  }
  const patterns = value.filter((item): item is string => typeof item === 'string');
  const ignored = value.filter((item) => typeof item !== 'string');
  if (ignored.length > 0) problems.push(`${EXCLUDE}: ignored ${ignored.map((item) => JSON.stringify(item)).join(', ')}: each entry must be a glob pattern in quotes.`);
  return patterns;
}
