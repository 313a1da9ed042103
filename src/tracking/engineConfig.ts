// The tracker's rules as numbers, their defaults and allowed ranges, and validation of raw settings.
import { localize } from '../text/l10n';
import { quoteSettingValue } from '../text/settingValue';

export interface TrackingConfig {
  /** No activity for this long ends a session; the session ends at its last activity. */
  readonly idleTimeoutSeconds: number;
  /** Leaving a document and coming back within this time keeps its session going. */
  readonly switchGraceSeconds: number;
  /** The window losing focus for at most this long keeps the session going. */
  readonly blurGraceSeconds: number;
  /** Sessions with less active time are dropped. */
  readonly minimumSessionSeconds: number;
  /** At most one 'ongoing' snapshot of a session per this interval. */
  readonly checkpointIntervalSeconds: number;
}

export const DEFAULT_TRACKING_CONFIG: TrackingConfig = Object.freeze({
  idleTimeoutSeconds: 300,
  switchGraceSeconds: 15,
  blurGraceSeconds: 30,
  minimumSessionSeconds: 10,
  checkpointIntervalSeconds: 60,
});

export interface ValueRange {
  readonly min: number;
  readonly max: number;
}

export const TRACKING_CONFIG_RANGES: { readonly [K in keyof TrackingConfig]: ValueRange } = Object.freeze({
  idleTimeoutSeconds: { min: 30, max: 7200 },
  switchGraceSeconds: { min: 0, max: 120 },
  blurGraceSeconds: { min: 0, max: 600 },
  minimumSessionSeconds: { min: 0, max: 600 },
  checkpointIntervalSeconds: { min: 10, max: 3600 },
});

export interface ValidatedTrackingConfig {
  readonly config: TrackingConfig;
  /** Human-readable messages, one per value that was replaced or clamped. */
  readonly problems: string[];
}

const KEYS = Object.keys(DEFAULT_TRACKING_CONFIG) as Array<keyof TrackingConfig>;

/** Accepts anything (a settings object, partial or wrong); never throws. */
export function validateTrackingConfig(raw: unknown): ValidatedTrackingConfig {
  const source: Record<string, unknown> = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const problems: string[] = [];
  const values = { ...DEFAULT_TRACKING_CONFIG } as { -readonly [K in keyof TrackingConfig]: number };

  for (const key of KEYS) {
    const value = source[key];
    if (value === undefined) continue;
    const { min, max } = TRACKING_CONFIG_RANGES[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(
        localize('{0}: {1} is not a number; using the default {2}.', key, quoteSettingValue(value), DEFAULT_TRACKING_CONFIG[key]),
      );
      continue;
    }
    if (value < min || value > max) {
      const clamped = Math.min(max, Math.max(min, value));
      problems.push(localize('{0}: {1} is outside {2}–{3}; using {4}.', key, value, min, max, clamped));
      values[key] = clamped;
      continue;
    }
    values[key] = value;
  }

  // A grace longer than the idle timeout would let a session outlive its own idleness.
  for (const key of ['switchGraceSeconds', 'blurGraceSeconds'] as const) {
    if (values[key] > values.idleTimeoutSeconds) {
      problems.push(
        localize('{0}: {1} is longer than idleTimeoutSeconds; using {2}.', key, values[key], values.idleTimeoutSeconds),
      );
      values[key] = values.idleTimeoutSeconds;
    }
  }

  return { config: Object.freeze(values), problems };
}
