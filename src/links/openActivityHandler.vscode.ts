import { Memento, Uri, UriHandler } from 'vscode';
import { OPEN_ACTIVITY_PATH } from './activationUrl';
import type { ChannelLogger } from '../platform/log.vscode';
import { activityIdOfLink, dropLinks, LinkTable, LinkTarget, linkTargetOf, rememberLink } from './activityLinks';
import { shownError } from '../text/shownText';
import { openDocumentAt } from './openDocument.vscode';
import { showInformation, showWarning } from '../platform/show.vscode';
import { say } from '../text/shown';

const STATE_KEY = 'activityFeed.links';

/** Opens the file behind `<scheme>://<extension id>/open?id=<appActivityId>` at the recorded position. */
export class OpenActivityHandler implements UriHandler {
  constructor(
    private readonly state: Memento,
    private readonly log: ChannelLogger,
  ) {}

  remember(appActivityId: string, target: LinkTarget): void {
    const table = this.state.get<LinkTable>(STATE_KEY, {});
    const known = linkTargetOf(table, appActivityId);
    if (
      known &&
      known.documentUri === target.documentUri &&
      known.cursor?.line === target.cursor?.line &&
      known.cursor?.cell === target.cursor?.cell
    )
      return;
    void this.state.update(STATE_KEY, rememberLink(table, appActivityId, target, Date.now()));
  }

  /** Forgets the entries `drop` picks (Forget, a new exclusion). Returns how many went. */
  forgetWhere(drop: (appActivityId: string, documentUri: string) => boolean): number {
    const table = this.state.get<LinkTable>(STATE_KEY, {});
    const kept = dropLinks(table, (id, entry) => drop(id, entry.documentUri));
    const removed = Object.keys(table).length - Object.keys(kept).length;
    if (removed > 0) void this.state.update(STATE_KEY, kept);
    return removed;
  }

  /** The file this machine recorded for the activity, if any. */
  targetOf(appActivityId: string): LinkTarget | undefined {
    return linkTargetOf(this.state.get<LinkTable>(STATE_KEY, {}), appActivityId);
  }

  /** Anyone can send a link to this handler: its path and query are never echoed in a message. */
  async handleUri(uri: Uri): Promise<void> {
    const id = activityIdOfLink(uri.path, uri.query, OPEN_ACTIVITY_PATH);
    if (!id) {
      this.log.info('ignored a link that is not an activity link');
      void showWarning(say('Activity Feed cannot open this link: it is not a link to one of its activities.'));
      return;
    }
    const target = this.targetOf(id);
    if (!target) {
      this.log.info('no local file for the activity of a link');
      void showInformation(
        say('Activity Feed: this activity was recorded on another machine, or long ago; this editor does not know its file.'),
      );
      return;
    }
    try {
      await openDocumentAt(Uri.parse(target.documentUri), target.cursor);
    } catch (error) {
      void showWarning(say('Activity Feed could not open the file of this activity: {0}', shownError(error)));
    }
  }
}
