// The actions offered by a click on the status bar (the Activity Feed: Show Actions command).
import { QuickPickItem, commands, l10n, window } from 'vscode';
import { COMMANDS } from './commandIds';
import type { StatusView } from './statusModel';

/** The relevant actions first. */
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
