// Text from outside (setting values, URIs, file names, git facts, Graph's and the sign-in service's answers, error
// messages) as a notification, modal or quick pick may show it: secrets redacted, then made inert. Only the head of
// the text that can be shown is read, so neither step ever looks at all of a long value.
import { redact } from './redact';
import { DEFAULT_PLAIN_LENGTH, inertPlain, inputLengthFor } from './inert';

export function shownText(value: unknown, maxLength = DEFAULT_PLAIN_LENGTH): string {
  return inertPlain(redact(String(value), inputLengthFor(maxLength)), maxLength);
}

/** An error's first line (its message, not its stack), for a notification. */
export function shownError(error: unknown, maxLength?: number): string {
  const message = error instanceof Error ? error.message : String(error);
  const lineEnd = message.indexOf('\n');
  return shownText(lineEnd < 0 ? message : message.slice(0, lineEnd), maxLength);
}
