import * as assert from 'node:assert/strict';
import { buildFileActivationUrl, buildHandlerActivationUrl } from '../../../src/links/activationUrl';
import { parseActivationUrl } from '../../../src/links/activationTarget';

const EXT = 'activity-feed.graph-activity-feed';

describe('parseActivationUrl', () => {
  it('reads back the file and the cursor of a link the mapper wrote, non-ASCII and spaces included', () => {
    const path = '/home/ana/Проект/my file#1.ts';
    const url = buildFileActivationUrl({ scheme: 'file', authority: '', path }, { line: 41, character: 7 }, 'vscode');
    assert.deepEqual(parseActivationUrl(url ?? '', 'vscode', EXT), { kind: 'file', path, position: { line: 41, character: 7 } });
  });

  it('reads a link without a cursor as the start of the file', () => {
    const url = buildFileActivationUrl({ scheme: 'file', authority: '', path: '/w/a.ts' }, undefined, 'vscode');
    assert.deepEqual(parseActivationUrl(url ?? '', 'vscode', EXT), { kind: 'file', path: '/w/a.ts' });
  });

  it('keeps the authority of a remote window apart from the path', () => {
    const url = buildFileActivationUrl(
      { scheme: 'vscode-remote', authority: 'ssh-remote+build box', path: '/srv/app/main.go' },
      { line: 0, character: 0 },
      'vscode',
    );
    assert.deepEqual(parseActivationUrl(url ?? '', 'vscode', EXT), {
      kind: 'remote',
      authority: 'ssh-remote+build box',
      path: '/srv/app/main.go',
      position: { line: 0, character: 0 },
    });
  });

  it("recognises the extension's own link by its id", () => {
    const url = buildHandlerActivationUrl('vscode-insiders', 'vscode:f/8a1b2c', EXT);
    assert.deepEqual(parseActivationUrl(url, 'vscode-insiders', EXT), { kind: 'link', appActivityId: 'vscode:f/8a1b2c' });
  });

  it('refuses links of another editor scheme, of other hosts, and broken encodings', () => {
    const url = buildFileActivationUrl({ scheme: 'file', authority: '', path: '/w/a.ts' }, undefined, 'vscode') ?? '';
    assert.equal(parseActivationUrl(url, 'vscode-insiders', EXT), undefined);
    assert.equal(parseActivationUrl('vscode://somebody.else/open?id=x', 'vscode', EXT), undefined);
    assert.equal(parseActivationUrl('vscode://file/w/%E0%A4%A.ts', 'vscode', EXT), undefined);
    assert.equal(parseActivationUrl('https://example.org/a.ts', 'vscode', EXT), undefined);
  });
});
