// Local calendar arithmetic for Insights: days as sortable keys (2026-11-26), weeks from Monday, hours of the day.
import { dayKey } from '../feed/model';

export { dayKey };

/** Midnight (local) that starts the day of a key. */
export function startOfDay(key: string): number {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(y, m - 1, d).getTime();
}

/** The key `count` days after (or before) `key`. */
export function addDays(key: string, count: number): string {
  const [y, m, d] = key.split('-').map(Number);
  return dayKey(new Date(y, m - 1, d + count).getTime());
}

/** Every day key from `from` to `to`, both included; empty when `to` is before `from`. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to && days.length < 3660; day = addDays(day, 1)) days.push(day);
  return days;
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayOf(epochMs: number): number {
  return (new Date(epochMs).getDay() + 6) % 7;
}

export function hourOf(epochMs: number): number {
  return new Date(epochMs).getHours();
}

/** The Monday of the week that holds `key`. */
export function weekStart(key: string): string {
  return addDays(key, -weekdayOf(startOfDay(key)));
}

export function isDayKey(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return dayKey(startOfDay(text)) === text;
}
