// The actions offered by a click on the status bar (the Activity Feed: Show Actions command).
import { commands } from 'vscode';
import { COMMANDS } from '../platform/commandIds';
import type { StatusView } from './statusModel';
import { type ShownPickItem, choose } from '../platform/show.vscode';
import { icon, joinShown, say } from '../text/shown';

/** The relevant actions first. */
export async function showActions(view: StatusView | undefined, paused: boolean): Promise<void> {
  const items: (ShownPickItem & { command: string })[] = [];
  if (view?.kind === 'setup' || view?.kind === 'signIn')
    items.push({ label: joinShown(icon('account'), say('Sign In')), command: COMMANDS.signIn });
  // Graph refusing writes may mean it answers an undocumented question differently than expected.
  if (view?.kind === 'error')
    items.push({ label: joinShown(icon('beaker'), say('Check Microsoft Graph')), command: COMMANDS.checkGraph });
  items.push({ label: joinShown(icon('cloud-upload'), say('Publish Now')), command: COMMANDS.publishNow });
  items.push(
    paused
      ? { label: joinShown(icon('debug-start'), say('Resume Tracking')), command: COMMANDS.resumeTracking }
      : { label: joinShown(icon('debug-pause'), say('Pause Tracking')), command: COMMANDS.pauseTracking },
  );
  items.push(
    { label: joinShown(icon('list-unordered'), say('Show Pending Sessions')), command: COMMANDS.showPending },
    { label: joinShown(icon('json'), say('Preview Next Payload')), command: COMMANDS.previewNextPayload },
    { label: joinShown(icon('output'), say('Show Log')), command: COMMANDS.showLog },
    { label: joinShown(icon('settings-gear'), say('Open Settings')), command: COMMANDS.openSettings },
  );
  if (view?.kind !== 'setup' && view?.kind !== 'signIn')
    items.push({ label: joinShown(icon('sign-out'), say('Sign Out')), command: COMMANDS.signOut });
  const pick = await choose(items, { title: say('Activity Feed'), ...(view && { placeHolder: view.headline }) });
  if (pick) await commands.executeCommand(pick.command);
}
