// What the text defences cost on hostile input: shownText, redact, inertPlain, inertMarkdown and inertLogLine over
// 1 MB of each family in test/support/hostileText.ts, the worst of a few runs. Each must stay linear: a pattern that
// reads to the end of the input from every position would take seconds to minutes here, not milliseconds.
// Standalone: node -r ./scripts/register-ts.cjs test/bench/textBoundary.bench.ts
import { redact } from '../../src/text/redact';
import { inertLogLine, inertMarkdown, inertPlain } from '../../src/text/inert';
import { shownText } from '../../src/text/shownText';
import { MEGABYTE, hostileInputs } from '../support/hostileText';

export interface TextBoundaryRow {
  function: string;
  input: string;
  worstMs: number;
  microsPerKilobyte: number;
}

export interface TextBoundaryBenchResult {
  inputBytes: number;
  runs: number;
  rows: TextBoundaryRow[];
  /** The slowest row. */
  worst: TextBoundaryRow;
}

const RUNS = 3;

/** The functions measured; inertMarkdown with a cap, as the card and tooltips call it. */
export const TEXT_DEFENCES: [string, (text: string) => string][] = [
  ['shownText', (text) => shownText(text)],
  ['redact', (text) => redact(text)],
  ['inertPlain', (text) => inertPlain(text)],
  ['inertMarkdown', (text) => inertMarkdown(text, 2_000)],
  ['inertLogLine', (text) => inertLogLine(text)],
];

function worstOf(runs: number, fn: () => void): number {
  let worst = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    worst = Math.max(worst, performance.now() - started);
  }
  return worst;
}

export function benchTextBoundary(inputBytes = MEGABYTE, runs = RUNS): TextBoundaryBenchResult {
  const inputs = hostileInputs(inputBytes);
  // Warm up each function once on a short input, so the first row does not carry the segmenter's start-up.
  for (const [, fn] of TEXT_DEFENCES) fn(inputs[0][1].slice(0, 4_096));
  const rows: TextBoundaryRow[] = [];
  for (const [name, fn] of TEXT_DEFENCES) {
    for (const [input, text] of inputs) {
      const worstMs = worstOf(runs, () => fn(text));
      rows.push({ function: name, input, worstMs, microsPerKilobyte: (worstMs * 1000) / (text.length / 1024) });
    }
  }
  const worst = rows.reduce((a, b) => (b.worstMs > a.worstMs ? b : a));
  return { inputBytes, runs, rows, worst };
}

/** The figures for `npm run bench`: per function, its worst input. */
export function textBoundaryFigures(r: TextBoundaryBenchResult): {
  section: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
}[] {
  const section = `text defences on hostile input: ${r.inputBytes / MEGABYTE} MB of each of ${r.rows.length / TEXT_DEFENCES.length} families, worst of ${r.runs} runs`;
  return TEXT_DEFENCES.map(([name]) => {
    const mine = r.rows.filter((row) => row.function === name);
    const worst = mine.reduce((a, b) => (b.worstMs > a.worstMs ? b : a));
    return {
      section,
      name: `${name}: worst input (${worst.input})`,
      value: worst.worstMs,
      unit: 'ms',
      target: `aim under 50 ms on 1 MB; ${worst.microsPerKilobyte.toFixed(1)} µs/KB`,
    };
  });
}

if (require.main === module) {
  const result = benchTextBoundary();
  for (const row of result.rows) {
    console.log(`${row.function.padEnd(14)} ${row.input.padEnd(36)} ${row.worstMs.toFixed(2).padStart(9)} ms`);
  }
  console.log(`worst: ${result.worst.function} on ${result.worst.input}, ${result.worst.worstMs.toFixed(2)} ms`);
}
