import * as assert from 'node:assert/strict';
import {
  fileIdentity,
  legacyAppActivityId,
  privateAppActivityId,
  readableAppActivityId,
} from '../../../src/activity/appActivityId';
import { inWindow, parseDocumentLocation } from '../../../src/links/documentLocation';
import { parseGitRemote } from '../../../src/activity/gitRemote';
import { LIMITS } from '../../../src/activity/limits';
import { encodeAppActivityId } from '../../../src/graph/paths';

const key = 'a-per-user-random-key-0123456789';

function repoIdentity(documentUri: string, remoteUrl: string, repoRelativePath: string): string {
  return fileIdentity({ location: parseDocumentLocation(documentUri), remote: parseGitRemote(remoteUrl), repoRelativePath });
}

describe('activity/appActivityId', () => {
  it('is the same for one repository file on any machine, clone path or remote spelling', () => {
    const laptop = repoIdentity('file:///home/ana/src/app/lib/a.ts', 'git@github.com:Owner/App.git', 'lib/a.ts');
    const desktop = repoIdentity('c:\\work\\app-clone\\lib\\a.ts', 'https://ana:tok@github.com/Owner/App', 'lib/a.ts');
    assert.equal(laptop, 'repo:github.com/Owner/App/lib/a.ts');
    assert.equal(readableAppActivityId(laptop), 'repo!github.com~Owner~App~lib~a.ts');
    assert.equal(desktop, laptop);
    assert.equal(privateAppActivityId(laptop, key), privateAppActivityId(desktop, key));
  });

  it('differs for different files', () => {
    const a = repoIdentity('/r/a.ts', 'git@github.com:o/r.git', 'a.ts');
    const b = repoIdentity('/r/b.ts', 'git@github.com:o/r.git', 'b.ts');
    assert.notEqual(a, b);
    assert.notEqual(privateAppActivityId(a, key), privateAppActivityId(b, key));
  });

  it('uses the document URI without a remote, with one spelling per file', () => {
    const fromUri = fileIdentity({ location: parseDocumentLocation('file:///C%3A/x/y.ts') });
    const fromPath = fileIdentity({ location: parseDocumentLocation('c:\\x\\y.ts') });
    assert.equal(fromUri, 'file:///c:/x/y.ts');
    assert.equal(fromPath, fromUri);
  });

  it('keeps equal paths on different remote machines apart', () => {
    const local = fileIdentity({ location: inWindow(parseDocumentLocation('/home/ana/notes.md'), undefined) });
    const remote = fileIdentity({ location: inWindow(parseDocumentLocation('/home/ana/notes.md'), 'ssh-remote+box') });
    assert.notEqual(local, remote);
    assert.equal(remote, 'vscode-remote://ssh-remote+box/home/ana/notes.md');
  });

  it('is bounded: long readable ids become prefix + SHA-256', () => {
    const long = `file:///${'d/'.repeat(400)}a.ts`;
    const id = readableAppActivityId(long);
    assert.ok(id.length <= LIMITS.appActivityId);
    assert.match(id, /^file!sha256![0-9a-f]{64}$/);
    assert.equal(readableAppActivityId(long), id);
    assert.equal(
      legacyAppActivityId(id),
      `file:sha256:${id.slice('file!sha256!'.length)}`,
      'the hashed id earlier versions made',
    );
  });

  it('private ids are keyed hashes that name nothing and depend on the key', () => {
    const identity = 'repo:github.com/Owner/App/lib/a.ts';
    const id = privateAppActivityId(identity, key);
    assert.match(id, /^h![0-9a-f]{64}$/);
    assert.notEqual(privateAppActivityId(identity, 'another-key-of-enough-length!!'), id);
    assert.equal(privateAppActivityId(identity, Buffer.from(key)), id);
  });

  it('needs no escaping at any privacy level, whatever the path holds, and maps back to the id earlier versions made', () => {
    const identities = [
      'repo:github.com/o/r/src/café ünïcode.py',
      'file:///c:/Users/ana/My Documents/100% done?#1 (draft)_v2~old!.md',
      'vscode-remote://ssh-remote+box/home/ana/notes.md',
      'untitled:Untitled-1',
      'file:///x/😀 emoji/a.ts',
    ];
    for (const identity of identities) {
      for (const id of [readableAppActivityId(identity), privateAppActivityId(identity, key)]) {
        assert.match(id, /^[A-Za-z0-9\-_.!~*'()]+$/, id);
        assert.equal(encodeAppActivityId(id), id, 'the percent-encoder leaves it as it is');
      }
      assert.equal(legacyAppActivityId(readableAppActivityId(identity)), identity);
      assert.equal(legacyAppActivityId(privateAppActivityId(identity, key)), `h:${privateAppActivityId(identity, key).slice(2)}`);
    }
    assert.notEqual(readableAppActivityId('file:///a/b_2F.ts'), readableAppActivityId('file:///a/b/.ts'), 'one to one');
    assert.equal(legacyAppActivityId('plainid'), undefined, 'an id with nothing substituted had no other form');
    assert.equal(legacyAppActivityId('bad%2Fid'), undefined, 'not one of its ids');
  });
});
