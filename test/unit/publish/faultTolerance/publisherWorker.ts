// A separate process playing one editor window's publisher against a shared outbox folder and the emulator (over
// HTTP), for the racing-publishers test. Publishes until the outbox is empty and the stop file exists, then prints
// what it did as JSON. Does nothing when imported; runs only as the entry script.
//   node -r scripts/register-ts.cjs publisherWorker.ts <outboxDir> <emulatorOrigin> <stopFile> <seed>
import * as fs from 'node:fs';
import { Outbox } from '../../../../src/outbox/outbox';
import { makePublisher, seededRandom } from './support';
import { VirtualClock } from '../../../support/clock';
import { silentLogger } from '../../../support/logger';

interface WorkerReport {
  runs: number;
  outcomes: Record<string, number>;
  sessions: number;
}

async function mintToken(origin: string): Promise<string> {
  const response = await fetch(`${origin}/_emulator/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function main(dir: string, origin: string, stopFile: string, seed: number): Promise<WorkerReport> {
  const token = await mintToken(origin);
  const clock = new VirtualClock();
  const outbox = new Outbox({ dir, clock: { now: Date.now }, logger: silentLogger });
  const publisher = makePublisher({
    target: { graphUrl: `${origin}/v1.0`, token: () => token },
    dir,
    outbox,
    clock,
    timeoutMs: 2_000,
    random: seededRandom(seed),
  });
  const report: WorkerReport = { runs: 0, outcomes: {}, sessions: 0 };
  for (;;) {
    const stopping = fs.existsSync(stopFile);
    const summary = await publisher.run();
    report.runs++;
    report.outcomes[summary.outcome] = (report.outcomes[summary.outcome] ?? 0) + 1;
    report.sessions += summary.sessions;
    if (summary.retryAt !== undefined) clock.advanceTo(summary.retryAt);
    if (stopping && summary.outcome === 'done' && outbox.count() === 0) return report;
    if (report.runs > 5_000) throw new Error('gave up after 5000 runs');
    // The other window holds the lock: look again shortly, as the scheduler would (much later, in real life).
    if (summary.outcome === 'busy' || summary.outcome === 'done') await new Promise((r) => setTimeout(r, 5));
  }
}

if (require.main === module) {
  const [dir, origin, stopFile, seed] = process.argv.slice(2);
  main(dir, origin, stopFile, Number(seed)).then(
    (report) => process.stdout.write(JSON.stringify(report)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
