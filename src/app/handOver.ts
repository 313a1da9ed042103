/** Values sent before anyone handles them wait, in order, for the handler (which arrives with a later bundle). */
export class HandOver<T> {
  readonly #waiting: T[] = [];
  #handler: ((value: T) => void) | undefined;

  readonly send = (value: T): void => {
    if (this.#handler) this.#handler(value);
    else this.#waiting.push(value);
  };

  handleWith(handler: (value: T) => void): void {
    this.#handler = handler;
    for (const value of this.#waiting.splice(0)) handler(value);
  }
}
