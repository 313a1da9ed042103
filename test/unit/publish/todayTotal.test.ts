import * as assert from 'node:assert/strict';
import { otherMachinesSessions, otherMachinesToday } from '../../../src/publish/todayTotal';

describe("today's time on other machines, from the feed", () => {
  const now = new Date(2026, 10, 26, 15, 0).getTime();
  const iso = (day: number, hour: number) => new Date(2026, 10, day, hour, 0).toISOString();
  const feed = [
    {
      historyItems: [
        { id: 'mine', startedDateTime: iso(26, 9), activeDurationSeconds: 1000 },
        { id: 'laptop', startedDateTime: iso(26, 10), activeDurationSeconds: 600 },
      ],
    },
    {
      historyItems: [
        { id: 'desktop', startedDateTime: iso(26, 11), activeDurationSeconds: 300 },
        { id: 'yesterday', startedDateTime: iso(25, 11), activeDurationSeconds: 999 },
      ],
    },
    {},
  ];

  it("adds up the sessions of other machines that started today, leaving this machine's own out", () => {
    const others = otherMachinesSessions(feed, (id) => id === 'mine');
    assert.equal(others.length, 3);
    assert.equal(otherMachinesToday(others, now), 900);
    assert.equal(otherMachinesToday(others, new Date(2026, 10, 25, 20, 0).getTime()), 999);
  });
});
