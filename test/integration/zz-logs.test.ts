// Runs last: the complete log of this editor session (every file the editor wrote under its logs folder, the
// extension's own channel included) holds no token and no Authorization value.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { activityFeed } from './helpers';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

describe('the logs of the whole run', () => {
  it('contain no access, refresh or id token and no Authorization header value', async () => {
    const api = await activityFeed();
    let logsRoot = api.logDirectory;
    while (path.basename(logsRoot) !== 'logs' && path.dirname(logsRoot) !== logsRoot) logsRoot = path.dirname(logsRoot);
    assert.equal(path.basename(logsRoot), 'logs', `no logs folder above ${api.logDirectory}`);
    const files = filesUnder(logsRoot);
    const ours = files.filter((f) => f.startsWith(api.logDirectory));
    const ownText = ours.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    assert.match(ownText, /Signed in \(deviceCode\)/, 'the extension’s own log was found and has the run in it');
    assert.match(ownText, /Publish \(command\): done/);

    const leaks: string[] = [];
    const patterns = [
      /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/,
      /Bearer\s+[A-Za-z0-9._~+/-]{12,}/i,
      /"?(refresh_token|access_token|id_token)"?\s*[:=]\s*"?[A-Za-z0-9._-]{12,}/i,
    ];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const pattern of patterns) {
        const match = pattern.exec(text);
        if (match) leaks.push(`${path.relative(logsRoot, file)}: ${match[0].slice(0, 24)}…`);
      }
    }
    assert.deepEqual(leaks, [], `${files.length} log files scanned`);
  });
});
