// Every contributed command is registered at activation with a thin handler; the real handler arrives with the
// services bundle, which the first invocation loads (synchronously) before forwarding.
import { commands, type Disposable } from 'vscode';
import type { CommandHandler, RegisterCommand } from '../platform/commandIds';

export class CommandRouter implements Disposable {
  readonly #handlers = new Map<string, CommandHandler>();
  readonly #registrations: Disposable[];
  readonly #ids: ReadonlySet<string>;
  readonly #load: () => void;

  constructor(ids: ReadonlySet<string>, load: () => void) {
    this.#ids = ids;
    this.#load = load;
    this.#registrations = [...ids].map((id) => commands.registerCommand(id, (...args: unknown[]) => this.#invoke(id, args)));
  }

  /** Same contract as vscode.commands.registerCommand, for the handlers built after activation. */
  readonly register: RegisterCommand = (id, handler) => {
    if (!this.#ids.has(id)) return commands.registerCommand(id, handler);
    this.#handlers.set(id, handler);
    return { dispose: () => this.#handlers.delete(id) };
  };

  #invoke(id: string, args: unknown[]): unknown {
    this.#load();
    const handler = this.#handlers.get(id);
    if (!handler) throw new Error(`Activity Feed: the command ${id} is not available.`);
    return handler(...args);
  }

  dispose(): void {
    for (const registration of this.#registrations) registration.dispose();
    this.#handlers.clear();
  }
}
