// A separate process playing one editor window against a shared ledger folder, for the several-windows test.
// writer: appends its sessions one at a time. purger: removes the "secret" ones again and again until told to stop.
// Does nothing when imported; runs only as the entry script.
import * as fs from 'node:fs';
import { LEDGER_ENTRY } from '../../../src/ledger/entry';
import { Ledger } from '../../../src/ledger/ledger';

async function main(role: string, dir: string, rest: string[]): Promise<string> {
  const silent = { info: () => undefined, warn: (m: string) => console.error(m) };
  const ledger = new Ledger({ dir, codec: LEDGER_ENTRY, now: Date.now, logger: silent });
  if (role === 'writer') {
    const [prefix, countText] = rest;
    const written: string[] = [];
    for (let i = 0; i < Number(countText); i++) {
      const id = `${prefix}-${String(i).padStart(4, '0')}`;
      const secret = i % 3 === 0;
      await ledger.append([
        {
          id,
          documentUri: `file:///work/${secret ? 'secret' : 'open'}/${id}.ts`,
          startedAt: 1_000 * i,
          lastActiveAt: 1_000 * i + 500,
          activeSeconds: 0.5,
          languageId: 'typescript',
        },
      ]);
      written.push(id);
    }
    return JSON.stringify(written);
  }
  if (role !== 'purger') throw new Error(`unknown role ${role}`);
  const [stopFile] = rest;
  let removed = 0;
  for (;;) {
    const stopping = fs.existsSync(stopFile);
    removed += await ledger.remove((entry) => entry.documentUri.includes('/secret/'), 'test');
    if (stopping) return JSON.stringify(removed);
  }
}

if (require.main === module) {
  const [role, dir, ...rest] = process.argv.slice(2);
  void main(role, dir, rest).then((out) => process.stdout.write(out));
}
