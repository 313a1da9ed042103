// userTimezone is an Olson/IANA id such as `Europe/Lisbon`; offsets like `+02:00` are not.
import { LIMITS } from './limits';

const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9][A-Za-z0-9_+-]*)*$/;

export function isIanaTimezone(value: string): boolean {
  if (value.length > LIMITS.userTimezone || !IANA_NAME.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The given zone if it is a valid IANA id, else the runtime's own, else undefined (the field is then omitted). */
export function resolveTimezone(preferred?: string): string | undefined {
  if (preferred !== undefined) return isIanaTimezone(preferred) ? preferred : undefined;
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return own && isIanaTimezone(own) ? own : undefined;
}
