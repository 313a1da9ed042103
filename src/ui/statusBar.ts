// The status bar item: one line that tells the truth about tracking, sign-in and what waits to be published, a
// tooltip with the details, and a click that offers the actions that fit.
import { Disposable, MarkdownString, QuickPickItem, StatusBarAlignment, ThemeColor, commands, l10n, window } from 'vscode';
import { COMMANDS } from './commandIds';
import { StatusInputs, statusView, StatusView } from './statusModel';

export class StatusBar implements Disposable {
  private readonly item = window.createStatusBarItem('activityFeed.status', StatusBarAlignment.Right, 100);
  private readonly timer: ReturnType<typeof setInterval>;
  private last: StatusView | undefined;

  constructor(private readonly inputs: () => StatusInputs) {
    this.item.name = l10n.t('Activity Feed');
    this.item.command = COMMANDS.showActions;
    this.update();
    this.item.show();
    // Today's time moves while you work; a cheap refresh keeps it honest.
    this.timer = setInterval(() => this.update(), 30_000);
  }

  get view(): StatusView | undefined {
    return this.last;
  }

  update(): void {
    const view = statusView(this.inputs());
    this.last = view;
    this.item.text = view.text;
    const tooltip = new MarkdownString(view.tooltip.join('\n\n'));
    tooltip.supportThemeIcons = true;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = view.warning ? new ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = { label: l10n.t('Activity Feed: {0}', view.tooltip[1]) };
  }

  dispose(): void {
    clearInterval(this.timer);
    this.item.dispose();
  }
}

/** The actions offered by a click on the status bar, the relevant ones first. */
export async function showActions(view: StatusView | undefined, paused: boolean): Promise<void> {
  const items: (QuickPickItem & { command: string })[] = [];
  if (view?.kind === 'setup' || view?.kind === 'signIn')
    items.push({ label: `$(account) ${l10n.t('Sign In')}`, command: COMMANDS.signIn });
  // Graph refusing writes may mean it answers an undocumented question differently than expected.
  if (view?.kind === 'error') items.push({ label: `$(beaker) ${l10n.t('Check Microsoft Graph')}`, command: COMMANDS.checkGraph });
  items.push({ label: `$(cloud-upload) ${l10n.t('Publish Now')}`, command: COMMANDS.publishNow });
  items.push(
    paused
      ? { label: `$(debug-start) ${l10n.t('Resume Tracking')}`, command: COMMANDS.resumeTracking }
      : { label: `$(debug-pause) ${l10n.t('Pause Tracking')}`, command: COMMANDS.pauseTracking },
  );
  items.push(
    { label: `$(list-unordered) ${l10n.t('Show Pending Sessions')}`, command: COMMANDS.showPending },
    { label: `$(json) ${l10n.t('Preview Next Payload')}`, command: COMMANDS.previewNextPayload },
    { label: `$(output) ${l10n.t('Show Log')}`, command: COMMANDS.showLog },
    { label: `$(settings-gear) ${l10n.t('Open Settings')}`, command: COMMANDS.openSettings },
  );
  if (view?.kind !== 'setup' && view?.kind !== 'signIn')
    items.push({ label: `$(sign-out) ${l10n.t('Sign Out')}`, command: COMMANDS.signOut });
  const pick = await window.showQuickPick(items, { title: l10n.t('Activity Feed'), placeHolder: view?.tooltip[1] });
  if (pick) await commands.executeCommand(pick.command);
}
