// Durations as people read them. Two forms, each kept where it has always been shown:
//   formatDuration       `45 s`, `12 min`, `2 h 05 min`  the Adaptive Card sent to Graph (not localized: the card's
//                                                       words come from the template, in one language)
//   formatDurationShort  `42s`, `59m`, `2h 1m`          the status bar and the Published view (localized)
import { localize } from './l10n';

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export function formatDurationShort(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 1) return localize('{0}s', Math.floor(seconds));
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? localize('{0}h {1}m', hours, minutes % 60) : localize('{0}m', minutes);
}
