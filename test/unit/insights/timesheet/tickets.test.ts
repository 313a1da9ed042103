// Ticket keys from branches and commit messages, with the default pattern, the person's own, and hostile ones.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DEFAULT_TICKET_PATTERN,
  MAX_SEARCHED_BRANCH,
  MAX_TICKET_LENGTH,
  ticketMatcher,
  ticketOf,
  type TicketMatcher,
} from '../../../../src/insights/timesheet/tickets';

function matcherOf(source: string): TicketMatcher {
  const matcher = ticketMatcher(source);
  assert.equal(typeof matcher, 'function', JSON.stringify(matcher));
  return matcher as TicketMatcher;
}

describe('ticket keys', () => {
  const standard = matcherOf(DEFAULT_TICKET_PATTERN);

  it('finds ABC-123 and #123 keys in the branch names people use, and nothing in branches without one', () => {
    const cases: [string, string | undefined][] = [
      ['feature/ABC-123-cart', 'ABC-123'],
      ['ABC-123', 'ABC-123'],
      ['bugfix/PROJ2-9_login', 'PROJ2-9'],
      ['fix/#45-typo', '#45'],
      ['users/ana/JIRA-7/and-DEV-8', 'JIRA-7'],
      ['main', undefined],
      ['release/2026-12', undefined],
      ['feature/abc-123-lowercase', undefined],
      ['dependabot/npm_and_yarn/lodash-4.17.21', undefined],
    ];
    for (const [branch, ticket] of cases) assert.equal(ticketOf(standard, branch), ticket, branch);
  });

  it('falls back to the commit message only when the branch has no key', () => {
    assert.equal(ticketOf(standard, 'main', 'Fix rounding (closes #812)'), '#812');
    assert.equal(ticketOf(standard, 'feature/ABC-1', 'Refs XYZ-2'), 'ABC-1');
    assert.equal(ticketOf(standard, undefined, undefined), undefined);
  });

  it('takes the person’s own pattern, case-insensitive or with a prefix', () => {
    assert.equal(ticketOf(matcherOf('(?i)shop-[0-9]+'), 'feature/Shop-77'), 'Shop-77');
    assert.equal(ticketOf(matcherOf('AB#[0-9]+'), 'topic/AB#1234-search'), 'AB#1234');
  });

  it('refuses patterns it cannot use, saying why', () => {
    for (const source of ['', '(unclosed', '(?<=look)behind', '\\1', 'a*', 'x'.repeat(201)]) {
      const matcher = ticketMatcher(source);
      assert.equal(typeof matcher, 'object', source);
      assert.ok((matcher as { problem: string }).problem.length > 0);
    }
  });

  it('stays fast on patterns that make backtracking engines take exponential time, on long branch names', () => {
    const hostile = ['(a+)+b', '(a|aa)+$', '(.*a){20}', '([a-z]+)*-[0-9]'];
    const branch = 'a'.repeat(100_000);
    // RE2 is linear in the (cut) text: every one returns at once. A backtracking engine would not return at all here,
    // and the test's own timeout would end it.
    const found = hostile.map((source) => {
      const matcher = ticketMatcher(source);
      return typeof matcher === 'function' ? (ticketOf(matcher, branch, 'a'.repeat(100_000)) ?? 'none') : 'refused';
    });
    assert.deepEqual(found, ['none', 'a'.repeat(MAX_TICKET_LENGTH), 'a'.repeat(MAX_TICKET_LENGTH), 'none']);
  });

  it('never returns more than a key’s length, nor anything from beyond the searched part (generated)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), fc.string({ maxLength: 40 }), (prefix, key) => {
        const found = ticketOf(standard, `${prefix}${key}`);
        if (found === undefined) return;
        assert.ok(found.length <= MAX_TICKET_LENGTH);
        assert.ok(`${prefix}${key}`.slice(0, MAX_SEARCHED_BRANCH).includes(found));
      }),
    );
  });
});
