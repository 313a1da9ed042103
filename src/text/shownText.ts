// Text from outside (setting values, URIs, file names, git facts, Graph's and the sign-in service's answers, error
// messages) as a notification, modal or quick pick may show it: secrets redacted, then made inert.
import { redact } from '../redact';
import { inertPlain } from './inert';

export function shownText(value: unknown, maxLength?: number): string {
  return inertPlain(redact(String(value)), maxLength);
}

/** An error's first line (its message, not its stack), for a notification. */
export function shownError(error: unknown, maxLength?: number): string {
  const message = error instanceof Error ? error.message : String(error);
  return shownText(message.split('\n')[0], maxLength);
}
