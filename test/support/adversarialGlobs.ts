// Exclusion patterns built to make a backtracking matcher take exponential time, and a deep path to try them on.
// Shared by the unit test of the caps and by `npm run bench`.
import { MAX_PATTERN_LENGTH } from '../../src/tracking/glob';

/** A path of `segments` directories ("dir0/dir1/…") and a file, like a deep generated tree; `variant` varies the names. */
export function deepPath(segments: number, variant = 0): string {
  const suffix = (i: number) => (variant === 0 ? '' : `-${(variant * 7919 + i) % 1000}`);
  return [
    ...Array.from({ length: segments }, (_, i) => `dir${i}${suffix(i)}`),
    variant === 0 ? 'index.ts' : `file${variant}.ts`,
  ].join('/');
}

/** `count` distinct patterns (each within the length cap) that never match deepPath(), in five families. */
export function adversarialPatterns(count: number): string[] {
  const families = [
    (k: number) => `${'**/'.repeat(k)}missing`, // nested globstars
    (k: number) => `${'*d'.repeat(k * 3)}q`, // many stars in one segment
    (k: number) => `${'{**/,}'.repeat(k)}missing`, // optional globstars
    (k: number) => `${'**/*d*i*r*/'.repeat(k)}missing`, // globstars around starred segments
    (k: number) => `${`${'{d,*}'.repeat(k)}/`.repeat(3)}missing`, // alternatives of stars
  ];
  return Array.from({ length: count }, (_, i) => {
    const k = 4 + Math.floor(i / families.length);
    return `${families[i % families.length](k)}-${i}`.slice(-MAX_PATTERN_LENGTH);
  });
}
