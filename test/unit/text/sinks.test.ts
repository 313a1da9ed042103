// The same secrets and tricks at each sink the extension writes or shows: the log, a notification's text.
import * as assert from 'node:assert/strict';
import { createLogger } from '../../../src/platform/log.vscode';
import { shownError, shownText } from '../../../src/text/shownText';

const echo =
  'HTTP 400 Your request was: PUT /me/activities/x Authorization: Bearer SECRETa {"token":"SECRETb","secret":"SECRETc"} ?code=SECRETd';

describe('sinks', () => {
  it('the log: redacted, one line, invisible characters shown', () => {
    const lines: string[] = [];
    const channel = {
      trace: (m: string) => lines.push(m),
      debug: (m: string) => lines.push(m),
      info: (m: string) => lines.push(m),
      warn: (m: string) => lines.push(m),
      error: (m: string | Error) => lines.push(String(m)),
      show: () => undefined,
    };
    // The logger needs only these methods of the editor's LogOutputChannel.
    const log = createLogger(channel as unknown as Parameters<typeof createLogger>[0]);
    log.warn(`${echo}\n2026-01-01 00:00:00.000 [error] forged\u202E`);
    log.error(new Error(`failed: ${echo}`));
    assert.equal(lines.length, 2);
    for (const line of lines) {
      assert.doesNotMatch(line, /SECRET/);
      assert.doesNotMatch(line, /[\n\r\u202E]/);
    }
    assert.match(lines[0], /\\n2026-01-01 00:00:00\.000 \[error\] forged\\u\{202e\}$/);
  });

  it('a notification: redacted, no link, no invisible character', () => {
    const text = shownText(`[Open Settings](command:workbench.action.quit) ${echo}\u202E`);
    assert.doesNotMatch(text, /SECRET/);
    assert.doesNotMatch(text, /\[[^\]]*\]\(/);
    assert.doesNotMatch(text, /command:\S/);
    assert.doesNotMatch(text, /\u202E/);
    assert.equal(
      shownError(new Error(`first line ${echo}\nsecond line`)).includes('second line'),
      false,
      'only the first line of an error',
    );
  });
});
