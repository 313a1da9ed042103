// What the faults tier's harness and its in-editor phases agree on: file names, markers, the hand-over of the
// run's ground truth between editor runs, and the name of the file whose name must never leave the machine.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A file excluded by `activityFeed.tracking.exclude`; nothing the emulator receives may contain this name. */
export const EXCLUDED_FOLDER = 'private';
export const EXCLUDED_NAME = 'payroll-7q3z-SECRET.ts';
/** The distinctive part, searched for case-insensitively in every encoding a client could use. */
export const EXCLUDED_STEM = 'payroll-7q3z';

export const BIG_FILE = 'big-20mb.txt';
export const BINARY_FILE = 'blob.bin';

function artifacts(): string {
  return process.env.AF_TEST_ARTIFACTS ?? '.';
}

/** Written by an in-editor phase when the harness should kill its extension host now. */
export function markerPath(dir: string, phase: string): string {
  return path.join(dir, `kill-${phase}.json`);
}

export function writeMarker(phase: string, content: unknown): void {
  const file = markerPath(artifacts(), phase);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(content));
  fs.renameSync(`${file}.tmp`, file);
}

export function readMarker<T>(phase: string): T {
  return JSON.parse(fs.readFileSync(markerPath(artifacts(), phase), 'utf8')) as T;
}

/** Every spelling of `text` that could carry it in a URL, a JSON body or a header. */
export function encodingsOf(text: string): string[] {
  const variants = new Set([
    text,
    encodeURIComponent(text),
    encodeURI(text),
    JSON.stringify(text).slice(1, -1),
    Buffer.from(text).toString('base64').slice(0, -2),
  ]);
  return [...variants].filter((v) => v.length >= 6).map((v) => v.toLowerCase());
}

/** The spellings of `text` found in `bytes` (compared case-insensitively, as latin1 so no byte is lost). */
export function findEncodings(bytes: Buffer, text: string): string[] {
  const haystack = bytes.toString('latin1').toLowerCase();
  return encodingsOf(text).filter((variant) => haystack.includes(variant));
}
