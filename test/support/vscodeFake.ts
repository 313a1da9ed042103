// A fake `vscode` module for unit tests of the adapters (the only files that import the editor API): the editor API
// exists only inside the extension host, so a unit test serves its own small fake of the parts the adapter uses.
import Module from 'node:module';

type LoadFunction = (request: string, parent: unknown, isMain: boolean) => unknown;

/**
 * For the enclosing mocha suite, answers `require('vscode')` with `fake`, and calls `load` with a `require` relative
 * to `fromFile` once that is in place: modules loaded there bind the fake for good, so `fake` should be one stable
 * object (getters may read a fake rebuilt per test).
 */
export function useFakeVscode(fake: object, fromFile: string, load: (requireHere: NodeJS.Require) => void): void {
  const moduleInternals = Module as unknown as { _load: LoadFunction };
  const originalLoad = moduleInternals._load;
  const requireHere = Module.createRequire(fromFile);
  let loadedHere: string[] = [];
  before(() => {
    const cachedBefore = new Set(Object.keys(requireHere.cache));
    moduleInternals._load = function loadWithFake(this: unknown, request: string, parent: unknown, isMain: boolean): unknown {
      return request === 'vscode' ? fake : originalLoad.call(this, request, parent, isMain);
    };
    load(requireHere);
    loadedHere = Object.keys(requireHere.cache).filter((file) => !cachedBefore.has(file));
  });
  after(() => {
    moduleInternals._load = originalLoad;
    // The modules loaded here hold this suite's fake; the next suite loads its own copies with its own fake.
    for (const file of loadedHere) delete requireHere.cache[file];
  });
}

type Listener<T> = (event: T) => void;

/** vscode.EventEmitter: `event` subscribes, `fire` calls every listener. */
export class FakeEventEmitter<T> {
  private listeners: Array<Listener<T>> = [];
  readonly event = (listener: Listener<T>): { dispose(): void } => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(event: T): void {
    for (const listener of [...this.listeners]) listener(event);
  }
  get listenerCount(): number {
    return this.listeners.length;
  }
  dispose(): void {
    this.listeners = [];
  }
}
