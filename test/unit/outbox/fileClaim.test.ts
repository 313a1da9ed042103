// The primitive that lets the publishing window change another window's session file without ever destroying a
// newer version written at the same moment. The "other window" writes from inside the decision callback, which is
// exactly the moment the file is claimed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../../../src/outbox/atomicFile';
import { withClaimedFile } from '../../../src/outbox/fileClaim';
import { useTempDir } from './testSupport';

describe('claiming a file another window may rewrite', () => {
  const tempDir = useTempDir();
  const target = () => path.join(tempDir(), 'entry.json');

  it('removing the claimed copy never removes a newer file written meanwhile', () => {
    writeFileAtomic(target(), 'old');
    const claimed = withClaimedFile(target(), 1, () => {
      writeFileAtomic(target(), 'newer');
      return { action: 'remove', result: 'done' };
    });
    assert.deepEqual(claimed, { result: 'done', outcome: 'removed' });
    assert.equal(fs.readFileSync(target(), 'utf8'), 'newer');
    assert.deepEqual(fs.readdirSync(tempDir()), ['entry.json']);
  });

  it('an update of the claimed copy gives way to a newer file written meanwhile', () => {
    writeFileAtomic(target(), 'old');
    const claimed = withClaimedFile(target(), 1, () => {
      writeFileAtomic(target(), 'newer');
      return { action: 'replace', data: 'old, updated', result: true };
    });
    assert.equal(claimed?.outcome, 'superseded');
    assert.equal(fs.readFileSync(target(), 'utf8'), 'newer');
    assert.deepEqual(fs.readdirSync(tempDir()), ['entry.json']);
  });

  it('puts the file back when nothing happened meanwhile, or when the decision fails', () => {
    writeFileAtomic(target(), 'content');
    assert.equal(withClaimedFile(target(), 1, () => ({ action: 'restore', result: 0 }))?.outcome, 'restored');
    assert.throws(
      () =>
        withClaimedFile(target(), 1, () => {
          throw new Error('decision failed');
        }),
      /decision failed/,
    );
    assert.equal(fs.readFileSync(target(), 'utf8'), 'content');
    assert.deepEqual(fs.readdirSync(tempDir()), ['entry.json']);
  });

  it('reports a file that is not there', () => {
    assert.equal(
      withClaimedFile(target(), 1, () => ({ action: 'remove', result: 0 })),
      undefined,
    );
  });
});
