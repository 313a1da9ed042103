// A listener list for the services built by the composition root, without the editor's EventEmitter (so they can be
// unit-tested in plain Node).

export type Subscribe<T> = (listener: (value: T) => void) => { dispose(): void };

export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  readonly event: Subscribe<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  dispose(): void {
    this.listeners.clear();
  }
}
