// Ticket keys from branch names (and commit messages): `feature/ABC-123-cart` is ABC-123, `fix/#45` is #45. The
// pattern is the person's setting, matched by RE2 (re2js, in the glob engine's lazily loaded bundle), whose time is
// linear in the text whatever the pattern: a hostile pattern cannot stall the extension host. Text is cut before it
// is searched. Pure.
import { compileRe2 } from '../../tracking/glob';
import { MAX_TICKET_PATTERN_LENGTH } from '../../settings/validSettings';

export { DEFAULT_TICKET_PATTERN } from '../../settings/validSettings';
/** How much of a branch name, and of a commit message, is searched. */
export const MAX_SEARCHED_BRANCH = 256;
export const MAX_SEARCHED_MESSAGE = 4_096;
/** A ticket key longer than this is cut: it is shown in tables and written in every export row. */
export const MAX_TICKET_LENGTH = 64;

export type TicketMatcher = (text: string, limit: number) => string | undefined;

/** The matcher for a pattern, or why it cannot be used (too long, not RE2 syntax, matches the empty text). */
export function ticketMatcher(source: string): TicketMatcher | { problem: string } {
  if (source.length === 0) return { problem: 'the pattern is empty' };
  if (source.length > MAX_TICKET_PATTERN_LENGTH)
    return { problem: `the pattern is longer than ${MAX_TICKET_PATTERN_LENGTH} characters` };
  let compiled: ReturnType<typeof compileRe2>;
  try {
    compiled = compileRe2(source);
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  if (compiled.matchesEmpty) return { problem: 'the pattern matches empty text, so every branch would have a ticket' };
  return (text, limit) => {
    const found = compiled.find(text.slice(0, limit)) ?? '';
    return found.length > 0 ? found.slice(0, MAX_TICKET_LENGTH) : undefined;
  };
}

/** The ticket of a session: from its branch, else (when the person wants it) from the commit message at its end. */
export function ticketOf(matcher: TicketMatcher, branch: string | undefined, commitMessage?: string): string | undefined {
  return (
    (branch !== undefined ? matcher(branch, MAX_SEARCHED_BRANCH) : undefined) ??
    (commitMessage !== undefined ? matcher(commitMessage, MAX_SEARCHED_MESSAGE) : undefined)
  );
}
