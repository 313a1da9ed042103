// The status bar item: one line that tells the truth about tracking, sign-in and what waits to be published, a
// tooltip with the details, and a click that offers the actions that fit. It appears at activation saying only that
// the extension is starting; what it says after that (src/ui/statusModel.ts) comes with the workbench, a moment later.
import { Disposable, MarkdownString, StatusBarAlignment, ThemeColor, l10n, window } from 'vscode';
import { SHOW_ACTIONS_COMMAND } from './statusCommand';
import type { StatusView } from './statusModel';

export class StatusBar implements Disposable {
  private readonly item = window.createStatusBarItem('activityFeed.status', StatusBarAlignment.Right, 100);
  private render: (() => StatusView) | undefined;
  private last: StatusView | undefined;

  constructor() {
    this.item.name = l10n.t('Activity Feed');
    this.item.command = SHOW_ACTIONS_COMMAND;
    this.item.text = `$(pulse) ${l10n.t('Activity Feed')}`;
    this.item.tooltip = l10n.t('Activity Feed is starting; tracking has begun.');
    this.item.show();
  }

  /** What the item says, once it says more than "starting". */
  get view(): StatusView | undefined {
    return this.last;
  }

  /** From now on every update() shows what `render` works out. */
  showFrom(render: () => StatusView): void {
    this.render = render;
    this.update();
  }

  update(): void {
    if (this.render === undefined) return;
    const view = this.render();
    this.last = view;
    this.item.text = view.text;
    const tooltip = new MarkdownString(view.tooltip.join('\n\n'));
    tooltip.supportThemeIcons = true;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = view.warning ? new ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = { label: l10n.t('Activity Feed: {0}', view.tooltip[1]) };
  }

  dispose(): void {
    this.item.dispose();
  }
}
