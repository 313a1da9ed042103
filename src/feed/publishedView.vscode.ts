// The Published Activity view: builds its content from the feed (what Graph holds) and the outbox (what waits),
// keeps the state the welcome views key on, and owns the view's own commands (refresh, grouping, open).
import { Disposable, TreeView, Uri, commands, env, window, workspace, type Event } from 'vscode';
import { settingsAt, writeSetting, type SettingsChange } from '../platform/settings.vscode';
import { remoteAuthority } from '../editor/activityInput.vscode';
import type { UserActivityResponse } from '../graph/types';
import { parseActivationUrl } from '../links/activationTarget';
import type { PublishedFeed } from './publishedFeed';
import { dayKey, groupActivities, groupPending, GroupBy, PublishedActivity, toPublishedActivities } from './model';
import type { Session } from '../tracking/types';
import { COMMANDS, type RegisterCommand } from '../platform/commandIds';
import type { OpenActivityHandler } from '../links/openActivityHandler.vscode';
import { openDocumentAt } from '../links/openDocument.vscode';
import { PublishedTreeProvider } from './publishedTree.vscode';
import type { ViewNode, ViewSnapshot } from './viewNodes';
import { shownError, shownText } from '../text/shownText';
import { showInformation, showWarning, withProgress, setViewMessage } from '../platform/show.vscode';
import { type Shown, say } from '../text/shown';

export const PUBLISHED_VIEW_ID = 'activityFeed.published';
const STATE_CONTEXT = 'activityFeed.published.state';
const GROUP_CONTEXT = 'activityFeed.published.groupBy';

export interface PublishedViewDeps {
  feed: PublishedFeed;
  pendingSessions(): Session[];
  /** appActivityId → the local document it was published from, per the published index. */
  publishedDocuments(): Map<string, string>;
  links: OpenActivityHandler;
  extensionId: string;
  /** Where the view's commands are registered (default: the editor's registry). */
  register?: RegisterCommand;
  /** The extension's one settings change event. */
  settingsChanges: Event<SettingsChange>;
}

/** What a test (or a person reading the API) sees in the view: labels as shown, nested. */
export class PublishedView implements Disposable {
  readonly provider: PublishedTreeProvider;
  private readonly treeView: TreeView<ViewNode>;
  private readonly disposables: Disposable[] = [];
  private activities: PublishedActivity[] = [];
  private rootNodes: ViewNode[] = [];
  private stateKey = 'loading';
  /** Content is rebuilt only while someone can see it (reading the outbox is not free). */
  private stale = true;

  constructor(private readonly deps: PublishedViewDeps) {
    this.provider = new PublishedTreeProvider({
      roots: () => this.rootNodes,
      workspaceRelative: (uri) => workspaceRelative(uri),
    });
    this.treeView = window.createTreeView(PUBLISHED_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    const register = deps.register ?? ((id, handler) => commands.registerCommand(id, handler));
    this.disposables.push(
      this.treeView,
      this.treeView.onDidChangeVisibility((e) => {
        if (!e.visible) return;
        if (this.stale) this.update();
        void this.refresh(false);
      }),
      deps.settingsChanges((change) => {
        if (change.affects('view.groupBy')) this.update();
      }),
      register(COMMANDS.refreshPublished, () => this.refresh(true)),
      register(COMMANDS.groupByDay, () => setGroupBy('day')),
      register(COMMANDS.groupByWorkspace, () => setGroupBy('workspace')),
      register(COMMANDS.openPublished, (node?: ViewNode) => this.open(node)),
    );
    // Hidden at start (the usual case), the content is built the first time the view is shown.
    if (this.treeView.visible) this.update();
    else void commands.executeCommand('setContext', STATE_CONTEXT, this.stateKey);
  }

  get visible(): boolean {
    return this.treeView.visible;
  }

  /** The view's state as the welcome content sees it: ok, empty, loading, signedOut, notConfigured, offline, error, budget. */
  get state(): string {
    return this.stateKey;
  }

  get message(): string | undefined {
    return this.treeView.message;
  }

  /** Published activities as last read (with their local files where known), whether or not the view is shown. */
  get publishedActivities(): readonly PublishedActivity[] {
    return this.buildActivities();
  }

  /** Reads from Graph when forced or when the copy is stale, showing progress in the view. */
  async refresh(force: boolean): Promise<string> {
    await withProgress({ location: { viewId: PUBLISHED_VIEW_ID } }, () => this.deps.feed.refresh({ force }));
    return this.stateKey;
  }

  /** Rebuilds the content from the feed and the outbox; called whenever either changes. */
  update(): void {
    if (!this.treeView.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    this.activities = this.buildActivities();
    const roots = this.roots();
    this.rootNodes = roots;
    const kind = this.deps.feed.state.kind;
    this.stateKey = roots.length > 0 ? 'ok' : kind === 'ok' ? 'empty' : kind === 'idle' ? 'loading' : kind;
    void commands.executeCommand('setContext', STATE_CONTEXT, this.stateKey);
    void commands.executeCommand('setContext', GROUP_CONTEXT, groupBy());
    setViewMessage(this.treeView, roots.length > 0 ? this.describeCopy() : undefined);
    this.provider.refresh();
  }

  /** After a publish run that sent something: the copy is stale; read again now if someone is looking. */
  published(): void {
    this.deps.feed.invalidate();
    if (this.treeView.visible) void this.refresh(false);
    else this.update();
  }

  authChanged(kind: string): void {
    if (kind === 'signedIn') {
      if (this.treeView.visible) void this.refresh(false);
      else this.update();
      return;
    }
    // Another account (or none) must not see this account's feed.
    this.deps.feed.clear();
    if (this.treeView.visible) void this.refresh(false);
  }

  private buildActivities(): PublishedActivity[] {
    const documents = this.deps.publishedDocuments();
    const locate = (activity: UserActivityResponse) => documents.get(activity.appActivityId) ?? this.localDocument(activity);
    return toPublishedActivities(this.deps.feed.cached, locate);
  }

  snapshot(): ViewSnapshot[] {
    const walk = (node: ViewNode): ViewSnapshot => {
      const item = this.provider.getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      return {
        label,
        ...(typeof item.description === 'string' && { description: item.description }),
        ...(item.contextValue && { contextValue: item.contextValue }),
        node,
        children: this.provider.getChildren(node).map(walk),
      };
    };
    return this.provider.getChildren().map(walk);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private roots(): ViewNode[] {
    const kind = this.deps.feed.state.kind;
    if (kind === 'signedOut' || kind === 'notConfigured') return [];
    const pending = groupPending(this.deps.pendingSessions().filter((s) => s.publishable !== false));
    const by = groupBy();
    const groups = groupActivities(this.activities, by, { dayOf: dayKey, workspaceOf: workspaceName });
    const roots: ViewNode[] = pending.length > 0 ? [{ type: 'pending', files: pending }] : [];
    groups.forEach((group, i) => roots.push({ type: 'group', group, by, first: i === 0 }));
    return roots;
  }

  private describeCopy(): Shown | undefined {
    const readAt = this.deps.feed.lastReadAt;
    if (readAt === undefined) return undefined;
    const at = new Date(readAt).toLocaleTimeString(env.language, { hour: '2-digit', minute: '2-digit' });
    const state = this.deps.feed.state;
    switch (state.kind) {
      case 'ok':
        return say('Read from Microsoft Graph at {0}.', at);
      case 'loading':
        return say('Refreshing… (showing what was read at {0})', at);
      case 'offline':
        return say('Offline: showing what was read at {0}.', at);
      case 'budget':
        return say(
          'Read budget spent until {0}: showing what was read at {1}.',
          new Date(state.retryAt).toLocaleTimeString(env.language),
          at,
        );
      case 'error':
        return say('Could not refresh ({0}): showing what was read at {1}.', shownText(state.message, 200), at);
      default:
        return undefined;
    }
  }

  private localDocument(activity: UserActivityResponse): string | undefined {
    const known = this.deps.links.targetOf(activity.appActivityId);
    if (known) return known.documentUri;
    const target = activity.activationUrl
      ? parseActivationUrl(activity.activationUrl, env.uriScheme, this.deps.extensionId)
      : undefined;
    return target && target.kind !== 'link' ? uriOfTarget(target).toString() : undefined;
  }

  /** Opens the file where the activity's link points (the same place the feed would open). */
  private async open(node: ViewNode | undefined): Promise<boolean> {
    if (node?.type !== 'activity') return false;
    const activity = node.entry.activity;
    const target = activity.activationUrl
      ? parseActivationUrl(activity.activationUrl, env.uriScheme, this.deps.extensionId)
      : undefined;
    if (target?.kind === 'link') {
      await this.deps.links.handleUri(Uri.parse(activity.activationUrl ?? ''));
      return true;
    }
    let uri: Uri | undefined;
    if (target) uri = uriOfTarget(target);
    else if (activity.documentUri) uri = Uri.parse(activity.documentUri);
    if (!uri) {
      void showInformation(say('Activity Feed: this activity was published from another machine; its file is not known here.'));
      return false;
    }
    try {
      await openDocumentAt(uri, target?.position);
      return true;
    } catch (error) {
      void showWarning(say('Activity Feed could not open {0}: {1}', shownText(uri.fsPath || uri.toString()), shownError(error)));
      return false;
    }
  }
}

/** A link into this very remote window names a file this extension host sees as a plain local file. */
function uriOfTarget(target: { kind: 'file' | 'remote'; path: string; authority?: string }): Uri {
  if (target.kind === 'file' || target.authority === remoteAuthority()) return Uri.file(target.path);
  return Uri.from({ scheme: 'vscode-remote', authority: target.authority ?? '', path: target.path });
}

export function groupBy(): GroupBy {
  return settingsAt('view').get<string>('groupBy') === 'workspace' ? 'workspace' : 'day';
}

function setGroupBy(value: GroupBy): Thenable<void> {
  return writeSetting('view.groupBy', value, 'user');
}

function workspaceName(documentUri: string): string | undefined {
  try {
    return workspace.getWorkspaceFolder(Uri.parse(documentUri, true))?.name;
  } catch {
    return undefined;
  }
}

function workspaceRelative(documentUri: string): string {
  try {
    return workspace.asRelativePath(Uri.parse(documentUri, true), false);
  } catch {
    return documentUri;
  }
}
