import * as assert from 'node:assert/strict';
import { buildFileActivationUrl, buildHandlerActivationUrl } from '../../../src/links/activationUrl';
import { inWindow, parseDocumentLocation } from '../../../src/links/documentLocation';

const cursor = { line: 9, character: 4 };

function link(uriOrPath: string, scheme = 'vscode', remoteAuthority?: string): string | undefined {
  return buildFileActivationUrl(inWindow(parseDocumentLocation(uriOrPath), remoteAuthority), cursor, scheme);
}

describe('links/activationUrl', () => {
  it('opens a local file at the 1-based cursor with the editor’s own scheme', () => {
    assert.equal(link('file:///home/ana/app/main.ts'), 'vscode://file/home/ana/app/main.ts:10:5');
    assert.equal(link('file:///home/ana/app/main.ts', 'vscode-insiders'), 'vscode-insiders://file/home/ana/app/main.ts:10:5');
    assert.equal(link('/home/ana/app/main.ts', 'cursor'), 'cursor://file/home/ana/app/main.ts:10:5');
  });

  it('leaves the position off without a cursor', () => {
    assert.equal(buildFileActivationUrl(parseDocumentLocation('/a/b.ts'), undefined, 'code-oss'), 'code-oss://file/a/b.ts');
  });

  it('encodes spaces, #, ?, % and non-ASCII in the path', () => {
    assert.equal(
      link('file:///home/ana/My%20Notes/%23draft%3F/100%25/na%C3%AFve.md'),
      'vscode://file/home/ana/My%20Notes/%23draft%3F/100%25/na%C3%AFve.md:10:5',
    );
  });

  it('turns Windows drive paths into /c:/x/y, from a path or a URI', () => {
    assert.equal(link('c:\\x\\my y.ts'), 'vscode://file/c:/x/my%20y.ts:10:5');
    assert.equal(link('file:///c%3A/x/y.ts'), 'vscode://file/c:/x/y.ts:10:5');
  });

  it('uses the vscode-remote form for remote windows', () => {
    assert.equal(
      link('vscode-remote://ssh-remote%2Bbuild-box/home/ana/app/main.ts'),
      'vscode://vscode-remote/ssh-remote+build-box/home/ana/app/main.ts:10:5',
    );
    assert.equal(
      link('file:///home/ana/app/main.ts', 'vscode', 'wsl+Ubuntu-22.04'),
      'vscode://vscode-remote/wsl+Ubuntu-22.04/home/ana/app/main.ts:10:5',
    );
  });

  it('cannot link documents that have no path on disk', () => {
    assert.equal(link('untitled:Untitled-1'), undefined);
    assert.equal(link('vscode-vfs://github/o/r/a.ts'), undefined);
    assert.equal(link('\\\\server\\share\\a.ts'), undefined);
  });

  it('builds the extension’s own id link', () => {
    assert.equal(buildHandlerActivationUrl('vscode', 'h:ab12'), 'vscode://activity-feed.graph-activity-feed/open?id=h%3Aab12');
    assert.equal(buildHandlerActivationUrl('cursor', 'x', 'me.ext'), 'cursor://me.ext/open?id=x');
  });
});
