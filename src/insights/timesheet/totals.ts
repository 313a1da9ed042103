// A timesheet's totals: each week (from Monday) and the whole range, active and billed. Pure.
import { weekStart } from '../calendar';

export interface Totals {
  weeks: { weekOf: string; seconds: number; billedSeconds: number }[];
  seconds: number;
  billedSeconds: number;
}

export function totalsOf(rows: readonly { day: string; seconds: number; billedSeconds: number }[]): Totals {
  const weeks = new Map<string, { weekOf: string; seconds: number; billedSeconds: number }>();
  for (const row of rows) {
    const weekOf = weekStart(row.day);
    const week = weeks.get(weekOf) ?? { weekOf, seconds: 0, billedSeconds: 0 };
    week.seconds += row.seconds;
    week.billedSeconds += row.billedSeconds;
    weeks.set(weekOf, week);
  }
  return {
    weeks: [...weeks.values()].sort((a, b) => (a.weekOf < b.weekOf ? -1 : 1)),
    seconds: rows.reduce((sum, row) => sum + row.seconds, 0),
    billedSeconds: rows.reduce((sum, row) => sum + row.billedSeconds, 0),
  };
}
