// The status bar item: one line that tells the truth about tracking, sign-in and what waits to be published, a
// tooltip with the details, and a click that offers the actions that fit. It appears at activation saying only that
// the extension is starting; what it says after that (src/status/statusModel.ts) comes with the services, a moment later.
import type { Disposable } from 'vscode';
import { icon, joinShown, say } from '../text/shown';
import { StatusItem } from '../platform/show.vscode';
import { SHOW_ACTIONS_COMMAND } from '../platform/showActionsCommand';
import type { StatusView } from './statusModel';

export class StatusBar implements Disposable {
  readonly #item = new StatusItem('activityFeed.status', say('Activity Feed'), SHOW_ACTIONS_COMMAND);
  #render: (() => StatusView) | undefined;
  #last: StatusView | undefined;

  constructor() {
    const starting = say('Activity Feed is starting; tracking has begun.');
    this.#item.show({ text: joinShown(icon('pulse'), say('Activity Feed')), tooltip: starting, accessibilityLabel: starting });
  }

  /** What the item says, once it says more than "starting". */
  get view(): StatusView | undefined {
    return this.#last;
  }

  /** From now on every update() shows what `render` works out. */
  showFrom(render: () => StatusView): void {
    this.#render = render;
    this.update();
  }

  update(): void {
    if (this.#render === undefined) return;
    const view = this.#render();
    this.#last = view;
    this.#item.show({
      text: view.text,
      tooltip: view.tooltip,
      accessibilityLabel: say('Activity Feed: {0}', view.headline),
      warning: view.warning,
    });
  }

  dispose(): void {
    this.#item.dispose();
  }
}
