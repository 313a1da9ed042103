// Billed time the way billing works: none, or 6, 15 or 30 minutes; up, or to the nearest (a half rounds up); per
// row, or per day (the day's total is rounded, then shared out to its rows in whole increments, the largest remainders
// first, so the rows still add up to the day). Computed in whole seconds, so no float decides an edge minute. Pure.

export type RoundingMinutes = 0 | 6 | 15 | 30;
export const ROUNDING_MINUTES: readonly RoundingMinutes[] = [0, 6, 15, 30];

export interface RoundingRule {
  minutes: RoundingMinutes;
  mode: 'up' | 'nearest';
  per: 'row' | 'day';
}

export const NO_ROUNDING: RoundingRule = { minutes: 0, mode: 'up', per: 'row' };

/** Seconds rounded to whole increments of the rule (untouched when it rounds nothing). */
export function roundSeconds(seconds: number, rule: RoundingRule): number {
  if (rule.minutes === 0) return seconds;
  const increment = rule.minutes * 60;
  const units = rule.mode === 'up' ? Math.ceil(seconds / increment) : Math.floor((seconds + increment / 2) / increment);
  return units * increment;
}

/** Each row's billed seconds, in the order given; rows are { day, seconds }. */
export function billedSeconds(rows: readonly { day: string; seconds: number }[], rule: RoundingRule): number[] {
  if (rule.minutes === 0 || rule.per === 'row') return rows.map((row) => roundSeconds(row.seconds, rule));
  const increment = rule.minutes * 60;
  const billed = rows.map(() => 0);
  const byDay = new Map<string, number[]>();
  rows.forEach((row, index) => byDay.set(row.day, [...(byDay.get(row.day) ?? []), index]));
  for (const indexes of byDay.values()) {
    const total = indexes.reduce((sum, index) => sum + rows[index].seconds, 0);
    let units = roundSeconds(total, rule) / increment;
    const shares = indexes.map((index) => ({
      index,
      units: Math.floor(rows[index].seconds / increment),
      rest: rows[index].seconds % increment,
    }));
    for (const share of shares) {
      billed[share.index] = share.units * increment;
      units -= share.units;
    }
    // What the day's rounding added goes to the rows closest to their next increment (the earlier row on a tie).
    const byRest = [...shares].sort((a, b) => b.rest - a.rest || a.index - b.index);
    for (let i = 0; units > 0 && byRest.length > 0; i = (i + 1) % byRest.length, units--) billed[byRest[i].index] += increment;
  }
  return billed;
}

/** The rule as the exported file states it: "15 min, up, per row", or "none". */
export function describeRule(rule: RoundingRule): string {
  return rule.minutes === 0 ? 'none' : `${rule.minutes} min, ${rule.mode === 'up' ? 'up' : 'to the nearest'}, per ${rule.per}`;
}
