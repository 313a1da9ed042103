// The session rules, each as a user would notice it: which sessions appear, when they start and end, how long.
import * as assert from 'node:assert/strict';
import { TrackingEngine } from '../../../src/tracking/engine';
import { DEFAULT_TRACKING_CONFIG } from '../../../src/tracking/engineConfig';
import type { Session } from '../../../src/tracking/types';
import { at, descriptorFor, fileDocument, fileUri, RecordingSink, Scenario, T0 } from '../../support/tracking';
import { VirtualClock } from '../../support/clock';

describe('tracking engine: starting and extending', () => {
  it('starts a session when a document becomes the active editor of the focused window', () => {
    const s = new Scenario();
    s.to(5).show('a.ts');
    const live = s.engine.currentSession();
    assert.equal(live?.documentUri, fileUri('a.ts'));
    assert.equal(live?.startedAt, at(5));
    assert.equal(live?.state, 'ongoing');
  });

  it('adds the time between keystrokes to activeSeconds and moves lastActive to the last keystroke', () => {
    const s = new Scenario();
    s.show('a.ts').to(20).type('a.ts').to(50).type('a.ts').to(70).shutdown();
    assert.deepEqual(s.summary(), [{ doc: 'a.ts', from: 0, to: 50, active: 50, reason: 'shutdown' }]);
  });

  it('starts a session from typing or a mouse selection in the active editor', () => {
    const s = new Scenario({ minimumSessionSeconds: 0 });
    s.send({ type: 'open', document: fileDocument('a.ts') });
    s.send({ type: 'pause' }).show('a.ts').send({ type: 'resume' });
    assert.equal(s.engine.currentSession(), undefined, 'resuming alone starts nothing');
    s.to(3).select('a.ts', 'mouse');
    assert.equal(s.engine.currentSession()?.startedAt, at(3));
  });

  it('keeps the cursor of the last activity', () => {
    const s = new Scenario();
    s.show('a.ts').to(10).type('a.ts', { line: 4, character: 2 }).to(20).select('a.ts', 'keyboard', { line: 9, character: 0 });
    s.to(25).scroll('a.ts').shutdown();
    assert.deepEqual(s.finished[0]?.cursor, { line: 9, character: 0 });
  });

  it('uses the same id in every checkpoint and in the finished session', () => {
    const s = new Scenario();
    s.show('a.ts');
    for (let second = 10; second <= 200; second += 10) s.to(second).type('a.ts');
    s.shutdown();
    assert.ok(s.sink.checkpoints.length >= 2);
    const ids = new Set([...s.sink.checkpoints, ...s.finished].map((x) => x.id));
    assert.equal(ids.size, 1);
  });
});

describe('tracking engine: idle', () => {
  it('ends the session at the last activity, not when idleness was noticed', () => {
    const s = new Scenario();
    s.show('a.ts').to(40).type('a.ts').to(1000);
    assert.deepEqual(s.summary(), [{ doc: 'a.ts', from: 0, to: 40, active: 40, reason: 'idle' }]);
  });

  it('counts reading time (no events) once the next activity comes within the idle timeout', () => {
    const s = new Scenario();
    s.show('a.ts').to(10).type('a.ts').to(250).scroll('a.ts').to(260).shutdown();
    assert.deepEqual(s.summary(), [{ doc: 'a.ts', from: 0, to: 250, active: 250, reason: 'shutdown' }]);
  });

  it('starts a new session after an idle gap longer than the timeout', () => {
    const s = new Scenario();
    s.show('a.ts').to(30).type('a.ts').to(400).type('a.ts').to(430).type('a.ts').shutdown();
    assert.deepEqual(s.summary(), [
      { doc: 'a.ts', from: 0, to: 30, active: 30, reason: 'idle' },
      { doc: 'a.ts', from: 400, to: 430, active: 30, reason: 'shutdown' },
    ]);
    assert.notEqual(s.finished[0]?.id, s.finished[1]?.id);
  });

  it('ends idle sessions correctly even when the timer fires late (machine asleep)', () => {
    const s = new Scenario();
    s.show('a.ts').to(30).type('a.ts');
    s.clock.time = at(5000); // no tick on the way: the next event must settle the idle session first
    s.type('a.ts').to(5020).type('a.ts').shutdown();
    assert.deepEqual(s.summary(), [
      { doc: 'a.ts', from: 0, to: 30, active: 30, reason: 'idle' },
      { doc: 'a.ts', from: 5000, to: 5020, active: 20, reason: 'shutdown' },
    ]);
  });

  it('applies a new idle timeout to the live session, validated', () => {
    const s = new Scenario();
    s.show('a.ts').to(20).type('a.ts');
    s.engine.updateConfig({ ...DEFAULT_TRACKING_CONFIG, idleTimeoutSeconds: 1 }); // clamped to the 30 s minimum
    assert.equal(s.engine.nextDeadline(), at(50));
    s.to(100);
    assert.deepEqual(s.summary(), [{ doc: 'a.ts', from: 0, to: 20, active: 20, reason: 'idle' }]);
  });

  it('exposes the idle deadline, which moves later as typing continues', () => {
    const s = new Scenario({ checkpointIntervalSeconds: 3600 });
    assert.equal(s.engine.nextDeadline(), undefined);
    s.show('a.ts');
    assert.equal(s.engine.nextDeadline(), at(300));
    s.to(20).type('a.ts');
    assert.equal(s.engine.nextDeadline(), at(320));
  });
});

describe('tracking engine: switching documents', () => {
  it('keeps one session through a quick look at another file', () => {
    const s = new Scenario();
    s.show('a.ts').to(30).type('a.ts').to(40).show('b.ts').to(45).show('a.ts').to(60).type('a.ts').shutdown();
    assert.deepEqual(s.summary(), [{ doc: 'a.ts', from: 0, to: 60, active: 60, reason: 'shutdown' }]);
  });

  it('ends the first session when the person stays on the other file past the grace', () => {
    const s = new Scenario();
    s.show('a.ts').to(30).type('a.ts').to(40).show('b.ts').to(50).type('b.ts').to(80).type('b.ts').shutdown();
    assert.deepEqual(s.summary(), [
      { doc: 'a.ts', from: 0, to: 40, active: 40, reason: 'switch' },
      { doc: 'b.ts', from: 40, to: 80, active: 40, reason: 'shutdown' },
    ]);
  });

  it('drops files passed through (under the minimum) on the way to another within the grace', () => {
    const s = new Scenario();
    s.show('a.ts').to(30).type('a.ts').to(31).show('b.ts').to(33).show('c.ts').to(60).type('c.ts').shutdown();
    assert.deepEqual(
      s.summary().map((x) => x.doc),
      ['a.ts', 'c.ts'],
    );
    assert.equal(s.finished[1]?.startedAt, at(33));
  });

  it('ends the session after the grace when no editor is active any more', () => {
    const s = new Scenario();
    s.show('a.ts').to(30).type('a.ts').to(40).show(undefined).to(100);
    assert.deepEqual(s.summary(), [{ doc: 'a.ts', from: 0, to: 40, active: 40, reason: 'switch' }]);
  });

  it('ends immediately on switch when the grace is zero', () => {
    const s = new Scenario({ switchGraceSeconds: 0 });
    s.show('a.ts').to(30).show('b.ts');
    assert.deepEqual(s.summary(), [{ doc: 'a.ts', from: 0, to: 30, active: 30, reason: 'switch' }]);
    assert.equal(s.engine.currentSession()?.documentUri, fileUri('b.ts'));
  });

  it('ends the session when its document closes', () => {
    const s = new Scenario();
    s.show('a.ts').to(30).type('a.ts').close('a.ts');
    assert.deepEqual(s.summary(), [{ doc: 'a.ts', from: 0, to: 30, active: 30, reason: 'close' }]);
    assert.equal(s.engine.knownDocumentCount, 0, 'a closed document leaves nothing behind');
  });
});

describe('tracking engine: window focus', () => {
  it('continues the same session after a short blur, without counting the time away', () => {
    const s = new Scenario();
    s.show('a.ts').to(30).type('a.ts').to(40).blur().to(60).focus().to(70).type('a.ts').shutdown();
    assert.deepEqual(s.summary(), [{ doc: 'a.ts', from: 0, to: 70, active: 50, reason: 'shutdown' }]);
  });

  it('ends the session at the moment of the blur when the window stays unfocused', () => {
    const s = new Scenario();
    s.show('a.ts').to(30).type('a.ts').to(40).blur().to(500);
    assert.deepEqual(s.summary(), [{ doc: 'a.ts', from: 0, to: 40, active: 40, reason: 'blur' }]);
  });

  it('ignores every event while the window is not focused', () => {
    const s = new Scenario({ minimumSessionSeconds: 0 }, { focused: false });
    s.show('a.ts').to(10).type('a.ts').select('a.ts', 'mouse').scroll('a.ts').save('a.ts').to(500);
    assert.equal(s.engine.currentSession(), undefined);
    assert.deepEqual(s.finished, []);
  });

  it('starts a session when focus returns to a window showing a document', () => {
    const s = new Scenario({}, { focused: false });
    s.show('a.ts').to(10).focus().to(40).type('a.ts').shutdown();
    assert.deepEqual(s.summary(), [{ doc: 'a.ts', from: 10, to: 40, active: 30, reason: 'shutdown' }]);
  });

  it('never double counts across windows: only the focused one records', () => {
    const clock = new VirtualClock({ start: T0 });
    const sinkA = new RecordingSink();
    const sinkB = new RecordingSink();
    const windowA = new TrackingEngine({ sink: sinkA, clock, focused: true });
    const windowB = new TrackingEngine({ sink: sinkB, clock, focused: false });
    for (const engine of [windowA, windowB]) {
      engine.handle({ type: 'open', document: fileDocument('a.ts') });
      engine.handle({ type: 'activeEditor', key: fileUri('a.ts') });
    }
    clock.time = at(60);
    for (const engine of [windowA, windowB]) engine.handle({ type: 'edit', key: fileUri('a.ts'), inActiveEditor: true });
    windowA.handle({ type: 'shutdown' });
    windowB.handle({ type: 'shutdown' });
    assert.equal(sinkA.finished_.length, 1);
    assert.equal(sinkB.finished_.length, 0);
  });

  it('ends the old session at the blur when focus returns to a different document', () => {
    const s = new Scenario();
    s.show('a.ts').to(30).type('a.ts').to(40).blur().to(42).show('b.ts').to(45).focus().to(80).type('b.ts').shutdown();
    assert.deepEqual(s.summary(), [
      { doc: 'a.ts', from: 0, to: 40, active: 40, reason: 'blur' },
      { doc: 'b.ts', from: 45, to: 80, active: 35, reason: 'shutdown' },
    ]);
  });

  it('finishes a pending switch when the window loses focus', () => {
    const s = new Scenario();
    s.show('a.ts').to(30).show('b.ts').to(35).type('b.ts').to(36).blur().to(500);
    assert.deepEqual(s.summary(), [{ doc: 'a.ts', from: 0, to: 30, active: 30, reason: 'switch' }]);
    // b.ts had 6 s of activity: below the minimum, so it is dropped rather than reported.
  });
});

describe('tracking engine: only real activity', () => {
  it('does not start or extend sessions from selections no person made', () => {
    const s = new Scenario({ minimumSessionSeconds: 0 });
    s.send({ type: 'open', document: fileDocument('a.ts') })
      .send({ type: 'pause' })
      .show('a.ts')
      .send({ type: 'resume' });
    s.to(5).select('a.ts', 'command').select('a.ts', undefined);
    assert.equal(s.engine.currentSession(), undefined);
    s.to(10).select('a.ts', 'keyboard').to(40).select('a.ts', 'command').shutdown();
    assert.deepEqual(s.summary(), [{ doc: 'a.ts', from: 10, to: 10, active: 0, reason: 'shutdown' }]);
  });

  it('ignores edits to documents that are not the focused active editor (format-on-save, replace-all)', () => {
    const s = new Scenario({ minimumSessionSeconds: 0 });
    s.show('a.ts').to(10).type('a.ts');
    for (let i = 0; i < 200; i++) s.open(`other${i}.ts`).backgroundEdit(`other${i}.ts`);
    s.to(20).send({ type: 'edit', key: fileUri('b.ts'), inActiveEditor: true }); // b is not the active editor
    s.shutdown();
    assert.deepEqual(s.summary(), [{ doc: 'a.ts', from: 0, to: 10, active: 10, reason: 'shutdown' }]);
  });

  it('ignores an edit the adapter saw outside the active editor even in the active document', () => {
    const s = new Scenario({ minimumSessionSeconds: 0 });
    s.show('a.ts').to(10).backgroundEdit('a.ts').shutdown();
    assert.equal(s.finished[0]?.lastActiveAt, at(0));
  });

  it('ignores scrolling in an editor that is visible but not active', () => {
    const s = new Scenario({ minimumSessionSeconds: 0 });
    s.open('b.ts').show('a.ts').to(10).scroll('b.ts').shutdown();
    assert.equal(s.finished[0]?.lastActiveAt, at(0));
  });

  it('counts a save after edits but not repeated saves without edits', () => {
    const s = new Scenario({ minimumSessionSeconds: 0 });
    s.show('a.ts').to(10).type('a.ts').to(20).save('a.ts').to(30).save('a.ts').to(40).save('a.ts').shutdown();
    assert.equal(s.finished[0]?.lastActiveAt, at(20));
  });
});

describe('tracking engine: minimum and checkpoints', () => {
  it('drops sessions shorter than the minimum', () => {
    const s = new Scenario({ minimumSessionSeconds: 10 });
    s.show('a.ts').to(5).type('a.ts').to(400);
    assert.deepEqual(s.finished, []);
  });

  it('reports ongoing checkpoints at most once per interval, only when something changed', () => {
    const s = new Scenario({ checkpointIntervalSeconds: 60 });
    s.show('a.ts');
    for (let second = 1; second <= 150; second++) s.to(second).type('a.ts');
    s.to(1000); // idle: one last checkpoint carries the final activity, then nothing more
    const times = s.sink.checkpoints.map((c) => (c.lastActiveAt - at(0)) / 1000);
    assert.deepEqual(times, [59, 119, 150]);
    assert.ok(s.sink.checkpoints.every((c) => c.state === 'ongoing'));
    assert.equal(s.finished[0]?.lastActiveAt, at(150));
  });

  it('checkpoints nothing for a session still under the minimum', () => {
    const s = new Scenario({ minimumSessionSeconds: 100, checkpointIntervalSeconds: 10 });
    s.show('a.ts').to(30).type('a.ts').to(60).type('a.ts').to(90).type('a.ts');
    assert.deepEqual(s.sink.checkpoints, []);
    s.to(120).type('a.ts').to(130);
    assert.equal(s.sink.checkpoints.length, 1);
  });

  it('keeps no finished sessions: they are handed to the sink', () => {
    const s = new Scenario();
    s.show('a.ts').to(60).type('a.ts').to(1000);
    assert.equal(s.engine.currentSession(), undefined);
    assert.equal(s.engine.nextDeadline(), undefined);
  });
});

describe('tracking engine: which documents', () => {
  for (const key of [
    'output:extension-output-1',
    'git:/work/a.ts?%7B%7D',
    'vscode-settings:/settings',
    'vscode-userdata:/User/settings.json',
    'vscode-scm:input',
    'walkThrough:/intro.md',
    'debug:/x.js',
    'search-editor:/s.code-search',
  ]) {
    it(`ignores ${key.slice(0, key.indexOf(':'))} documents`, () => {
      const s = new Scenario({ minimumSessionSeconds: 0 });
      s.send({ type: 'open', document: descriptorFor(key) }).send({ type: 'activeEditor', key });
      s.to(10).send({ type: 'edit', key, inActiveEditor: true }).shutdown();
      assert.deepEqual(s.finished, []);
    });
  }

  it('tracks files on a remote', () => {
    const key = 'vscode-remote://ssh-remote%2Bbox/home/me/a.py';
    const s = new Scenario({ minimumSessionSeconds: 0 });
    s.send({ type: 'open', document: descriptorFor(key) })
      .send({ type: 'activeEditor', key })
      .shutdown();
    assert.equal(s.finished[0]?.documentUri, key);
  });

  it('ignores the original side of a diff editor', () => {
    const s = new Scenario({ minimumSessionSeconds: 0 });
    s.open('a.ts').send({ type: 'activeEditor', key: fileUri('a.ts'), diffOriginal: true });
    s.to(10).select('a.ts', 'mouse').shutdown();
    assert.deepEqual(s.finished, []);
  });

  it('tracks an untitled buffer but flags it not publishable', () => {
    const key = 'untitled:Untitled-1';
    const s = new Scenario({ minimumSessionSeconds: 0 });
    s.send({ type: 'open', document: descriptorFor(key) }).send({ type: 'activeEditor', key });
    s.to(10).send({ type: 'edit', key, inActiveEditor: true }).shutdown();
    assert.equal(s.finished[0]?.publishable, false);
    assert.equal(s.finished[0]?.documentUri, key);
  });

  it('moves an untitled session to the file it is saved as', () => {
    const untitled = 'untitled:Untitled-1';
    const s = new Scenario();
    s.send({ type: 'open', document: descriptorFor(untitled) }).send({ type: 'activeEditor', key: untitled });
    s.to(30).send({ type: 'edit', key: untitled, inActiveEditor: true });
    s.to(31).open('notes.md').save('notes.md').show('notes.md').send({ type: 'close', key: untitled });
    s.to(60).type('notes.md').shutdown();
    assert.deepEqual(s.summary(), [{ doc: 'notes.md', from: 0, to: 60, active: 60, reason: 'shutdown' }]);
    assert.equal(s.finished[0]?.publishable, true);
  });

  it('moves an untitled session when the buffer closes before the saved file shows', () => {
    const untitled = 'untitled:Untitled-1';
    const s = new Scenario();
    s.send({ type: 'open', document: descriptorFor(untitled) }).send({ type: 'activeEditor', key: untitled });
    s.to(30).send({ type: 'edit', key: untitled, inActiveEditor: true });
    s.to(31).open('notes.md').save('notes.md').send({ type: 'close', key: untitled }).show('notes.md');
    s.to(60).type('notes.md').shutdown();
    assert.deepEqual(
      s.summary().map((x) => [x.doc, x.from]),
      [['notes.md', 0]],
    );
  });

  it('does not mistake saving another, already open file for "Save As"', () => {
    const untitled = 'untitled:Untitled-1';
    const s = new Scenario();
    s.open('notes.md')
      .send({ type: 'open', document: descriptorFor(untitled) })
      .send({ type: 'activeEditor', key: untitled });
    s.to(30).send({ type: 'edit', key: untitled, inActiveEditor: true });
    s.to(31).save('notes.md').show('notes.md').to(60).type('notes.md').shutdown();
    assert.deepEqual(
      s.summary().map((x) => [x.doc, x.reason]),
      [
        ['untitled:Untitled-1', 'switch'],
        ['notes.md', 'shutdown'],
      ],
    );
  });

  it('does not take a file opened and saved in the background for "Save As" of the buffer switched to', () => {
    const untitled = 'untitled:Untitled-1';
    const s = new Scenario();
    s.show('a.ts').to(20).type('a.ts');
    s.send({ type: 'open', document: descriptorFor(untitled) }).send({ type: 'activeEditor', key: untitled });
    // A replace across files, say: it opens another file, changes it and saves it, while the buffer stays.
    s.to(22).open('b.ts').backgroundEdit('b.ts').save('b.ts');
    s.to(25).show('a.ts').to(40).type('a.ts').shutdown();
    assert.deepEqual(
      s.summary().map((x) => [x.doc, x.from, x.to, x.active]),
      [['a.ts', 0, 40, 40]],
    );
  });

  it('does not take a file just renamed for the file "Save As" creates', () => {
    const untitled = 'untitled:Untitled-1';
    const s = new Scenario();
    s.open('b.ts')
      .send({ type: 'open', document: descriptorFor(untitled) })
      .send({ type: 'activeEditor', key: untitled });
    s.to(30).send({ type: 'edit', key: untitled, inActiveEditor: true });
    s.to(31).send({ type: 'rename', fromKey: fileUri('b.ts'), to: fileDocument('c.ts') });
    s.close('b.ts').open('c.ts').save('c.ts').show('c.ts').to(60).type('c.ts').shutdown();
    assert.deepEqual(
      s.summary().map((x) => [x.doc, x.from, x.to]),
      [
        ['untitled:Untitled-1', 0, 31],
        ['c.ts', 31, 60],
      ],
    );
  });

  it('attributes notebook cells to their notebook', () => {
    const notebook = fileUri('analysis.ipynb');
    const cell = 'vscode-notebook-cell:/work/analysis.ipynb#W0sZmlsZQ%3D%3D';
    const s = new Scenario({ minimumSessionSeconds: 0 });
    s.send({ type: 'open', document: fileDocument('analysis.ipynb', { languageId: 'jupyter-notebook' }) });
    s.send({ type: 'open', document: descriptorFor(cell, { notebookKey: notebook, languageId: 'python' }) });
    s.send({ type: 'activeNotebook', key: notebook }).send({ type: 'activeEditor', key: cell });
    s.to(20).send({ type: 'edit', key: cell, inActiveEditor: true }).send({ type: 'close', key: cell }).shutdown();
    assert.deepEqual(
      s.finished.map((x) => [x.documentUri, (x.lastActiveAt - at(0)) / 1000, x.endReason]),
      [[notebook, 20, 'shutdown']],
    );
  });
});

describe('tracking engine: exclusions', () => {
  it('never records a document matching an exclusion glob (relative or absolute path)', () => {
    for (const exclude of [['**/secret/**'], ['/work/secret/*.ts']]) {
      const s = new Scenario({ minimumSessionSeconds: 0 });
      s.open('secret/key.ts', { relativePath: 'secret/key.ts', absolutePath: '/work/secret/key.ts', exclude }).show(
        'secret/key.ts',
      );
      s.to(20).type('secret/key.ts').shutdown();
      assert.deepEqual(s.finished, [], `exclude ${exclude.join()}`);
    }
  });

  it('never records anything in a workspace where tracking is switched off', () => {
    const s = new Scenario({ minimumSessionSeconds: 0 });
    s.open('a.ts', { trackingEnabled: false }).show('a.ts').to(20).type('a.ts').shutdown();
    assert.deepEqual(s.finished, []);
  });

  it('drops the live session silently when its document becomes excluded before any checkpoint', () => {
    const s = new Scenario();
    s.show('a.ts')
      .to(30)
      .type('a.ts')
      .open('a.ts', { exclude: ['**/*.ts'] })
      .to(40)
      .type('a.ts')
      .shutdown();
    assert.deepEqual(s.finished, []);
  });

  it('closes an already checkpointed session as excluded so its snapshots can be discarded', () => {
    const s = new Scenario();
    s.show('a.ts');
    for (let second = 10; second <= 90; second += 10) s.to(second).type('a.ts');
    assert.equal(s.sink.checkpoints.length, 1);
    s.open('a.ts', { exclude: ['a.ts'] });
    assert.equal(s.finished[0]?.endReason, 'excluded');
    assert.equal(s.finished[0]?.id, s.sink.checkpoints[0]?.id);
  });
});

describe('tracking engine: pause, rename, shutdown', () => {
  it('ends the session as paused and records nothing while paused', () => {
    const s = new Scenario();
    s.show('a.ts').to(30).type('a.ts').send({ type: 'pause' }).to(40).type('a.ts').show('b.ts').to(60).type('b.ts');
    assert.ok(s.engine.isPaused);
    s.send({ type: 'resume' }).to(70).type('b.ts').to(100).type('b.ts').shutdown();
    assert.deepEqual(s.summary(), [
      { doc: 'a.ts', from: 0, to: 30, active: 30, reason: 'paused' },
      { doc: 'b.ts', from: 70, to: 100, active: 30, reason: 'shutdown' },
    ]);
  });

  it('moves the session with a renamed file', () => {
    const s = new Scenario();
    s.show('a.ts')
      .to(30)
      .type('a.ts')
      .send({ type: 'rename', fromKey: fileUri('a.ts'), to: fileDocument('b.ts') });
    s.close('a.ts').open('b.ts').show('b.ts').to(50).type('b.ts').shutdown();
    assert.deepEqual(s.summary(), [{ doc: 'b.ts', from: 0, to: 50, active: 50, reason: 'shutdown' }]);
  });

  it('moves the session when its folder is renamed', () => {
    const s = new Scenario();
    s.show('src/a.ts').to(30).type('src/a.ts');
    s.send({ type: 'rename', fromKey: fileUri('src'), to: fileDocument('lib') }).shutdown();
    assert.equal(s.finished[0]?.documentUri, fileUri('lib/a.ts'));
  });

  it('ends a renamed session as excluded when the new path is excluded', () => {
    const s = new Scenario();
    s.show('a.ts')
      .to(30)
      .type('a.ts')
      .send({
        type: 'rename',
        fromKey: fileUri('a.ts'),
        to: fileDocument('private/a.ts', { relativePath: 'private/a.ts', exclude: ['private/**'] }),
      });
    s.shutdown();
    assert.deepEqual(s.finished, []);
  });

  it('ends the session on shutdown and ignores everything afterwards', () => {
    const s = new Scenario();
    s.show('a.ts').to(30).type('a.ts').shutdown().to(40).type('a.ts').show('b.ts').to(100);
    assert.deepEqual(s.summary(), [{ doc: 'a.ts', from: 0, to: 30, active: 30, reason: 'shutdown' }]);
  });

  it('surfaces a failing sink after finishing its transition', () => {
    const clock = new VirtualClock({ start: T0 });
    const delivered: Session[] = [];
    const engine = new TrackingEngine({
      clock,
      config: { ...DEFAULT_TRACKING_CONFIG, minimumSessionSeconds: 0 },
      sink: {
        checkpoint: () => undefined,
        finished: (session) => {
          delivered.push(session);
          throw new Error('disk full');
        },
      },
    });
    engine.handle({ type: 'open', document: fileDocument('a.ts') });
    engine.handle({ type: 'activeEditor', key: fileUri('a.ts') });
    assert.throws(() => engine.handle({ type: 'shutdown' }), /disk full/);
    assert.equal(delivered.length, 1);
    assert.equal(engine.currentSession(), undefined);
  });

  it('uses random GUIDs by default', () => {
    const sink = new RecordingSink();
    const engine = new TrackingEngine({ sink, config: { ...DEFAULT_TRACKING_CONFIG, minimumSessionSeconds: 0 } });
    engine.handle({ type: 'open', document: fileDocument('a.ts') });
    engine.handle({ type: 'activeEditor', key: fileUri('a.ts') });
    assert.match(engine.currentSession()?.id ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
