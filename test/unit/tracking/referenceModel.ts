// A reference model of the tracking rules, written from the README's "How time is counted" and nothing else.
// Slow and plain on purpose: each rule is one branch below, in the README's words. The differential property test
// (referenceModel.test.ts) plays the same person through it and through the real engine and compares what they keep.
//
// A session here is a list of stretches of engaged time; its active time is their total length, its start the first
// stretch's start and its last activity the last stretch's end. Every stretch is also recorded on a timeline of all
// engaged time, so the accounting (every engaged second in exactly one session) can be checked against it.

/** What the person does, in the order they do it. Keys are document URIs. */
export type PersonAction =
  | { readonly kind: 'look'; readonly key: string | undefined }
  | { readonly kind: 'type'; readonly key: string }
  | { readonly kind: 'editElsewhere'; readonly key: string }
  | { readonly kind: 'select'; readonly key: string; readonly byPerson: boolean }
  | { readonly kind: 'scroll'; readonly key: string }
  | { readonly kind: 'save'; readonly key: string }
  | { readonly kind: 'saveAs'; readonly untitledKey: string; readonly fileKey: string }
  | { readonly kind: 'open'; readonly key: string; readonly excluded: boolean }
  | { readonly kind: 'close'; readonly key: string }
  | { readonly kind: 'rename'; readonly fromKey: string; readonly toKey: string; readonly toExcluded: boolean }
  | { readonly kind: 'windowFocus'; readonly focused: boolean }
  | { readonly kind: 'pause' }
  | { readonly kind: 'resume' };

export interface ModelRules {
  readonly idleMs: number;
  readonly switchGraceMs: number;
  readonly blurGraceMs: number;
  readonly minimumMs: number;
}

export interface Stretch {
  from: number;
  to: number;
}

export interface ModelSession {
  doc: string;
  readonly stretches: Stretch[];
}

export interface ModelOutcome {
  readonly doc: string;
  readonly start: number;
  readonly last: number;
  readonly activeMs: number;
  readonly stretches: readonly Stretch[];
}

interface DocumentFacts {
  excluded: boolean;
  editedSinceSave: boolean;
}

export function activeMsOf(session: { readonly stretches: readonly Stretch[] }): number {
  return session.stretches.reduce((sum, s) => sum + (s.to - s.from), 0);
}

export class ReferenceModel {
  /** Sessions kept (at or above the minimum), dropped (under it) and discarded (their file became excluded). */
  readonly kept: ModelOutcome[] = [];
  readonly dropped: ModelOutcome[] = [];
  readonly discarded: ModelOutcome[] = [];
  /** Every stretch of engaged time as it happened, before any session was kept, dropped or folded into another. */
  readonly engaged: Stretch[] = [];

  private readonly documents = new Map<string, DocumentFacts>();
  private focused: boolean;
  private paused = false;
  private activeKey: string | undefined;

  /** The session that is running, or the one that was left and waits out its grace. */
  private session: ModelSession | undefined;
  /** Set when `session` was left: for another file (switch) or by the window losing focus (blur). */
  private left: { readonly why: 'switch' | 'blur'; readonly until: number } | undefined;
  /** The session of the file switched to while `session` waits out its switch grace. */
  private visit: ModelSession | undefined;
  /** Files glanced at on the way (left with less than the minimum) while `session` waits out its switch grace. */
  private glances: ModelSession[] = [];

  constructor(
    private readonly rules: ModelRules,
    focused: boolean,
  ) {
    this.focused = focused;
  }

  /** Lets time pass up to `now` (idle and graces run out), then applies what the person did at `now`. */
  apply(action: PersonAction, now: number): void {
    this.passTime(now);
    switch (action.kind) {
      case 'open':
        this.documents.set(action.key, { excluded: action.excluded, editedSinceSave: false });
        return;
      case 'look':
        this.activeKey = action.key;
        if (this.counting()) this.goTo(this.trackedActive(), now);
        return;
      case 'type':
      case 'editElsewhere': {
        const facts = this.documents.get(action.key);
        if (facts === undefined) return;
        facts.editedSinceSave = true;
        if (action.kind === 'type') this.activityIn(action.key, now);
        return;
      }
      case 'select':
        if (action.byPerson) this.activityIn(action.key, now);
        return;
      case 'scroll':
        this.activityIn(action.key, now);
        return;
      case 'save': {
        const facts = this.documents.get(action.key);
        if (facts === undefined) return;
        const edited = facts.editedSinceSave;
        facts.editedSinceSave = false;
        if (edited) this.activityIn(action.key, now);
        return;
      }
      case 'saveAs':
        this.saveAs(action.untitledKey, action.fileKey, now);
        return;
      case 'close':
        this.close(action.key);
        return;
      case 'rename':
        this.rename(action.fromKey, action.toKey, action.toExcluded, now);
        return;
      case 'windowFocus':
        if (action.focused !== this.focused) this.windowFocus(action.focused, now);
        return;
      case 'pause':
        this.stopEverything();
        this.paused = true;
        return;
      case 'resume':
        // Resuming starts nothing by itself: the next activity does.
        this.paused = false;
        return;
    }
  }

  /** Quitting the editor at `now`: sessions end at their last activity. */
  quit(now: number): void {
    this.passTime(now);
    this.stopEverything();
  }

  // --- the rules -------------------------------------------------------------------------------------------

  /** Activity counts only in the active editor of the focused window, while tracking is not paused. */
  private counting(): boolean {
    return this.focused && !this.paused;
  }

  /** The active editor's file if it may be tracked at all (excluded files count as no editor). */
  private trackedActive(): string | undefined {
    const key = this.activeKey;
    if (key === undefined) return undefined;
    const facts = this.documents.get(key);
    return facts === undefined || facts.excluded ? undefined : key;
  }

  private activityIn(key: string, now: number): void {
    if (this.counting() && key === this.trackedActive()) this.goTo(key, now);
  }

  /** The person is engaged with `doc` at `now` (or with no editor, when `doc` is undefined). */
  private goTo(doc: string | undefined, now: number): void {
    const session = this.session;
    if (session === undefined) {
      if (doc !== undefined) this.session = this.begin(doc, now);
      return;
    }
    if (session.doc === doc) {
      // Back within the grace (A → B → A), or simply going on: the time since the last activity is this session's,
      // and a file visited meanwhile was part of it.
      this.extend(session, now);
      this.left = undefined;
      this.visit = undefined;
      this.glances = [];
      return;
    }
    if (this.visit !== undefined && this.visit.doc === doc) {
      this.extend(this.visit, now);
      return;
    }
    // Leaving for another file, or for none.
    this.leaveVisit(now);
    if (this.left === undefined) this.leave(now);
    if (doc !== undefined) this.visit = this.begin(doc, now);
    this.passTime(now);
  }

  /**
   * A → B → C: moving on from B within A's grace (to another file, to none, by closing B or moving it out of sight).
   * With the minimum reached, B was work: A ends where it was left and B is the session now being left. Under it,
   * B was a glance on the way, and A's grace goes on. Leaving is B's last activity, except by closing it.
   */
  private leaveVisit(now: number | undefined): void {
    const visit = this.visit;
    if (visit === undefined) return;
    if (now !== undefined) this.extend(visit, now);
    if (activeMsOf(visit) >= this.rules.minimumMs) {
      this.visitBecomesTheSession();
    } else {
      this.glances.push(visit);
      this.visit = undefined;
    }
  }

  /** Leaving the session counts as its last activity, and starts its switch grace. */
  private leave(now: number): void {
    if (this.session === undefined) return;
    this.extend(this.session, now);
    this.left = { why: 'switch', until: now + this.rules.switchGraceMs };
  }

  /** The person did not come back within the grace: the session left ends where it was left. */
  private visitBecomesTheSession(): void {
    this.closeSession('kept', true);
  }

  /**
   * Ends the session (kept, or discarded when its file became excluded), then the glances made during its switch
   * grace; the file switched to becomes the session if `visitTakesOver` and a switch was pending.
   */
  private closeSession(how: 'kept' | 'discarded', visitTakesOver: boolean): void {
    const { session, visit, glances } = this;
    this.session = visitTakesOver && this.left?.why === 'switch' ? visit : undefined;
    this.visit = undefined;
    this.left = undefined;
    this.glances = [];
    if (session !== undefined) this.end(session, how);
    for (const glance of glances) this.end(glance, 'kept');
  }

  private windowFocus(focused: boolean, now: number): void {
    this.focused = focused;
    if (this.paused) return;
    if (!focused) {
      // Losing focus settles a pending switch first: the file left ends, the file switched to waits for you.
      if (this.left?.why === 'switch') {
        if (this.visit !== undefined) this.visitBecomesTheSession();
        else this.endSession();
      }
      if (this.session === undefined) return;
      this.extend(this.session, now);
      this.left = { why: 'blur', until: now + this.rules.blurGraceMs };
      this.passTime(now);
      return;
    }
    const session = this.session;
    if (session !== undefined && this.left?.why === 'blur') {
      if (this.trackedActive() === session.doc) {
        // Back to the same file in time: the session goes on, without the time away.
        session.stretches.push({ from: now, to: now });
        this.left = undefined;
        return;
      }
      this.endSession(); // back to another file: the session ended when the window lost focus
    }
    this.goTo(this.trackedActive(), now);
  }

  private close(key: string): void {
    this.documents.delete(key);
    if (this.visit?.doc === key) this.leaveVisit(undefined);
    if (this.session?.doc === key) this.closeSession('kept', true);
  }

  private rename(fromKey: string, toKey: string, toExcluded: boolean, now: number): void {
    this.documents.delete(fromKey);
    this.documents.set(toKey, { excluded: toExcluded, editedSinceSave: false });
    // A session follows its file; moved to an excluded path, it is discarded. Moving the file switched to out of
    // sight is leaving it.
    if (this.visit?.doc === fromKey) {
      if (toExcluded) this.leaveVisit(now);
      else this.visit.doc = toKey;
    }
    if (this.session?.doc === fromKey) {
      if (toExcluded) this.closeSession('discarded', true);
      else this.session.doc = toKey;
    }
  }

  /** Saving an untitled buffer as a file: its session moves to the file, keeping its start; the file shows. */
  private saveAs(untitledKey: string, fileKey: string, now: number): void {
    this.documents.delete(untitledKey);
    this.documents.set(fileKey, { excluded: false, editedSinceSave: false });
    if (this.visit?.doc === untitledKey) this.visitBecomesTheSession();
    if (this.session?.doc === untitledKey) this.session.doc = fileKey;
    this.activeKey = fileKey;
    if (this.counting()) this.goTo(fileKey, now);
  }

  /** Pausing or quitting: every session ends at its last activity (a file left first, then the one switched to). */
  private stopEverything(): void {
    if (this.left?.why === 'switch' && this.visit !== undefined) this.visitBecomesTheSession();
    this.endSession();
  }

  private endSession(): void {
    this.closeSession('kept', false);
  }

  /** Idle timeout and graces, in the order they run out, up to and including `now`. */
  private passTime(now: number): void {
    for (;;) {
      const session = this.session;
      if (session === undefined) return;
      const idleAt = lastOf(session) + this.rules.idleMs;
      const left = this.left;
      if ((left !== undefined && left.until <= now && left.until <= idleAt) || idleAt <= now) {
        this.closeSession('kept', true);
        continue;
      }
      return;
    }
  }

  // --- sessions and the timeline ---------------------------------------------------------------------------

  private begin(doc: string, now: number): ModelSession {
    return { doc, stretches: [{ from: now, to: now }] };
  }

  /** Activity at `now`: the time since the session's last activity is engaged time, and the session's. */
  private extend(session: ModelSession, now: number): void {
    const last = session.stretches[session.stretches.length - 1];
    if (last === undefined || now <= last.to) return;
    this.engaged.push({ from: last.to, to: now });
    last.to = now;
  }

  private end(session: ModelSession, how: 'kept' | 'discarded'): void {
    const outcome: ModelOutcome = {
      doc: session.doc,
      start: session.stretches[0]?.from ?? 0,
      last: lastOf(session),
      activeMs: activeMsOf(session),
      stretches: session.stretches.map((s) => ({ ...s })),
    };
    if (how === 'discarded') this.discarded.push(outcome);
    else if (outcome.activeMs < this.rules.minimumMs) this.dropped.push(outcome);
    else this.kept.push(outcome);
  }
}

function lastOf(session: ModelSession): number {
  return session.stretches[session.stretches.length - 1]?.to ?? 0;
}
