// Every contributed command is registered at activation with a thin handler; the real handler arrives with the
// workbench bundle, which the first invocation loads (synchronously) before forwarding.
import { commands, type Disposable } from 'vscode';
import type { CommandHandler, RegisterCommand } from '../platform/commandIds';

export class CommandRouter implements Disposable {
  private readonly handlers = new Map<string, CommandHandler>();
  private readonly registrations: Disposable[];

  constructor(
    private readonly ids: ReadonlySet<string>,
    private readonly load: () => void,
  ) {
    this.registrations = [...ids].map((id) => commands.registerCommand(id, (...args: unknown[]) => this.invoke(id, args)));
  }

  /** Same contract as vscode.commands.registerCommand, for the handlers built after activation. */
  readonly register: RegisterCommand = (id, handler) => {
    if (!this.ids.has(id)) return commands.registerCommand(id, handler);
    this.handlers.set(id, handler);
    return { dispose: () => this.handlers.delete(id) };
  };

  private invoke(id: string, args: unknown[]): unknown {
    this.load();
    const handler = this.handlers.get(id);
    if (!handler) throw new Error(`Activity Feed: the command ${id} is not available.`);
    return handler(...args);
  }

  dispose(): void {
    for (const registration of this.registrations) registration.dispose();
    this.handlers.clear();
  }
}
