// Billing rounding: every rule at its edge minutes, per row and per day, in whole seconds.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  billedSeconds,
  describeRule,
  roundSeconds,
  ROUNDING_MINUTES,
  type RoundingRule,
} from '../../../../src/insights/timesheet/rounding';

const MIN = 60;

describe('timesheet rounding', () => {
  it('rounds up and to the nearest at the edge minutes of every increment', () => {
    const up = (minutes: 6 | 15 | 30, seconds: number) => roundSeconds(seconds, { minutes, mode: 'up', per: 'row' }) / MIN;
    const nearest = (minutes: 6 | 15 | 30, seconds: number) =>
      roundSeconds(seconds, { minutes, mode: 'nearest', per: 'row' }) / MIN;
    assert.deepEqual([up(15, 0), up(15, 1), up(15, 15 * MIN), up(15, 15 * MIN + 1), up(15, 29 * MIN + 59)], [0, 15, 15, 30, 30]);
    assert.deepEqual([up(6, 1), up(6, 6 * MIN), up(30, 31 * MIN)], [6, 6, 60]);
    assert.deepEqual(
      [nearest(15, 7 * MIN + 29), nearest(15, 7 * MIN + 30), nearest(15, 22 * MIN + 29), nearest(15, 22 * MIN + 30)],
      [0, 15, 15, 30],
      'a half rounds up',
    );
    assert.deepEqual([nearest(6, 2 * MIN + 59), nearest(6, 3 * MIN), nearest(30, 45 * MIN)], [0, 6, 60]);
    assert.equal(roundSeconds(1234, { minutes: 0, mode: 'up', per: 'row' }), 1234, 'none leaves seconds as they are');
  });

  it('per day rounds the day’s total and shares it out in whole increments, the largest remainders first', () => {
    const rule: RoundingRule = { minutes: 15, mode: 'up', per: 'day' };
    const rows = [
      { day: 'd1', seconds: 10 * MIN },
      { day: 'd1', seconds: 14 * MIN },
      { day: 'd1', seconds: 3 * MIN },
      { day: 'd2', seconds: 40 * MIN },
    ];
    // d1: 27 minutes → 30: 14 and 10 minutes are closest to a quarter; d2: 40 → 45.
    assert.deepEqual(
      billedSeconds(rows, rule).map((s) => s / MIN),
      [15, 15, 0, 45],
    );
    assert.deepEqual(
      billedSeconds(rows, { ...rule, per: 'row' }).map((s) => s / MIN),
      [15, 15, 15, 45],
    );
  });

  it('keeps every rule’s promises on any rows (generated)', () => {
    const rules = ROUNDING_MINUTES.flatMap((minutes) =>
      (['up', 'nearest'] as const).flatMap((mode) =>
        (['row', 'day'] as const).map((per): RoundingRule => ({ minutes, mode, per })),
      ),
    );
    const row = fc.record({ day: fc.constantFrom('d1', 'd2', 'd3'), seconds: fc.nat({ max: 12 * 3600 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.constantFrom(...rules), (rows, rule) => {
        const billed = billedSeconds(rows, rule);
        assert.equal(billed.length, rows.length);
        if (rule.minutes === 0)
          return assert.deepEqual(
            billed,
            rows.map((r) => r.seconds),
          );
        const increment = rule.minutes * MIN;
        for (const seconds of billed) assert.equal(seconds % increment, 0, 'whole increments');
        const days = new Set(rows.map((r) => r.day));
        for (const day of days) {
          const raw = rows.filter((r) => r.day === day).reduce((n, r) => n + r.seconds, 0);
          const total = billed.filter((_, i) => rows[i].day === day).reduce((n, s) => n + s, 0);
          if (rule.per === 'day') assert.equal(total, roundSeconds(raw, rule), 'a day adds up to its rounded total');
          if (rule.mode === 'up') assert.ok(total >= raw, 'up never bills less than worked');
          else assert.ok(Math.abs(total - raw) <= (rule.per === 'day' ? increment / 2 : (increment / 2) * rows.length));
        }
      }),
    );
  });

  it('states the rule as the exported file says it', () => {
    assert.equal(describeRule({ minutes: 15, mode: 'up', per: 'row' }), '15 min, up, per row');
    assert.equal(describeRule({ minutes: 6, mode: 'nearest', per: 'day' }), '6 min, to the nearest, per day');
    assert.equal(describeRule({ minutes: 0, mode: 'up', per: 'row' }), 'none');
  });
});
