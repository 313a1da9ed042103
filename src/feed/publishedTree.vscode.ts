// The Published Activity tree: what Graph holds for this app (by day or by workspace) and, apart, what still
// waits on this machine. Nodes are plain data; this file only turns them into tree items.
import { posix } from 'node:path';
import { EventEmitter, ThemeIcon, TreeDataProvider, TreeItem, TreeItemCollapsibleState, Uri, env } from 'vscode';
import { dayKey, type PublishedActivity } from './model';
import type { TreeContent, ViewNode } from './viewNodes';
import { formatDurationShort } from '../text/duration';
import { COMMANDS } from '../platform/commandIds';
import { type ShownMarkdown, asMarkdown, outside, outsideMarkdown, say } from '../text/shown';
import { treeItem } from '../platform/show.vscode';

export class PublishedTreeProvider implements TreeDataProvider<ViewNode> {
  private readonly changed = new EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly content: TreeContent) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: ViewNode): ViewNode[] {
    if (!node) return this.content.roots();
    switch (node.type) {
      case 'pending':
        return node.files.map((file) => ({ type: 'pendingFile', file }));
      case 'pendingFile':
        return node.file.sessions.map((session) => ({ type: 'pendingSession', session }));
      case 'group':
        return node.group.activities.map((entry) => ({ type: 'activity', entry, showDay: node.by !== 'day' }));
      case 'activity':
        return node.entry.sessions.map((session) => ({
          type: 'session',
          activity: node.entry.activity,
          session,
          showDay: node.showDay,
        }));
      default:
        return [];
    }
  }

  getTreeItem(node: ViewNode): TreeItem {
    switch (node.type) {
      case 'pending': {
        const count = node.files.reduce((n, f) => n + f.sessions.length, 0);
        const item = treeItem({
          label: say('Waiting to publish'),
          collapsible: TreeItemCollapsibleState.Collapsed,
          description: count === 1 ? say('1 session') : say('{0} sessions', count),
          tooltip: say('Sessions recorded on this machine that have not reached Microsoft Graph yet.'),
        });
        item.iconPath = new ThemeIcon('cloud-upload');
        item.contextValue = 'pending';
        return item;
      }
      case 'pendingFile': {
        const relative = this.content.workspaceRelative(node.file.documentUri);
        const item = treeItem({
          label: outside(posix.basename(relative) || relative),
          collapsible: TreeItemCollapsibleState.Collapsed,
          description: say('{0} · {1}', formatDurationShort(node.file.activeSeconds), relative),
        });
        item.iconPath = ThemeIcon.File;
        item.resourceUri = safeUri(node.file.documentUri);
        item.contextValue = 'pendingFile';
        return item;
      }
      case 'pendingSession': {
        const item = treeItem({
          label: outside(timeSpan(node.session.startedAt, node.session.lastActiveAt, true)),
          description: say('{0} active · not published', formatDurationShort(node.session.activeSeconds)),
        });
        item.iconPath = new ThemeIcon('clock');
        item.contextValue = 'pendingSession';
        return item;
      }
      case 'group':
        return groupItem(node);
      case 'activity':
        return activityItem(node);
      case 'session': {
        const item = treeItem({
          label: outside(timeSpan(node.session.startedAt, node.session.lastActiveAt, node.showDay)),
          description: say('{0} active', formatDurationShort(node.session.activeSeconds)),
          tooltip: say(
            '{0} – {1}',
            new Date(node.session.startedAt).toLocaleString(env.language),
            new Date(node.session.lastActiveAt).toLocaleString(env.language),
          ),
        });
        item.iconPath = new ThemeIcon('history');
        item.contextValue = 'session';
        return item;
      }
    }
  }
}

/** A day, or a workspace, with its files' total. */
function groupItem(node: Extract<ViewNode, { type: 'group' }>): TreeItem {
  const label =
    node.by === 'day'
      ? outside(dayLabel(node.group.key))
      : node.group.label !== undefined
        ? outside(node.group.label)
        : say('Other files');
  const count = node.group.activities.length;
  const item = treeItem({
    label,
    collapsible: node.first ? TreeItemCollapsibleState.Expanded : TreeItemCollapsibleState.Collapsed,
    description: say(
      '{0} · {1}',
      formatDurationShort(node.group.activeSeconds),
      count === 1 ? say('1 file') : say('{0} files', count),
    ),
  });
  item.iconPath = new ThemeIcon(node.by === 'day' ? 'calendar' : 'root-folder');
  item.contextValue = node.by === 'day' ? 'day' : 'workspace';
  item.id = `group:${node.by}:${node.group.key}`;
  return item;
}

/** A file as Graph holds it: opens it where the person left off. */
function activityItem(node: Extract<ViewNode, { type: 'activity' }>): TreeItem {
  const { activity, sessions, activeSeconds } = node.entry;
  const count = sessions.length === 1 ? say('1 session') : say('{0} sessions', sessions.length);
  const item = treeItem({
    label: outside(activity.displayText),
    collapsible: sessions.length > 0 ? TreeItemCollapsibleState.Collapsed : TreeItemCollapsibleState.None,
    description: say('{0} · {1}', formatDurationShort(activeSeconds), count),
    tooltip: activityTooltip(activity),
  });
  // ThemeIcon.File with a resourceUri takes the file's icon from the icon theme (a collapsible item would get a folder).
  item.iconPath = ThemeIcon.File;
  if (activity.documentUri) item.resourceUri = safeUri(activity.documentUri);
  item.contextValue = 'activity';
  item.command = { command: COMMANDS.openPublished, title: say('Open'), arguments: [node] };
  return item;
}

/** Graph's copy of the texts may come from any app or machine: escaped, so it shows literally (no links, no markup). */
function activityTooltip(activity: PublishedActivity): ShownMarkdown[] {
  return [
    outsideMarkdown(activity.displayText),
    ...(activity.description ? [outsideMarkdown(activity.description)] : []),
    asMarkdown(
      say(
        '{0} active in {1} sessions; last active {2}.',
        formatDurationShort(activity.activeSeconds),
        activity.sessions.length,
        new Date(activity.lastActiveAt).toLocaleString(env.language),
      ),
    ),
    asMarkdown(say('Click to open the file where you left it.')),
  ];
}

/** "14:03 – 14:35", "14:03" for a session within one minute; with the day in front when asked. */
function timeSpan(from: number, to: number, showDay: boolean): string {
  const time = (ms: number) => new Date(ms).toLocaleTimeString(env.language, { hour: '2-digit', minute: '2-digit' });
  const day = (ms: number) => new Date(ms).toLocaleDateString(env.language, { month: 'short', day: 'numeric' });
  const sameDay = dayKey(from) === dayKey(to);
  const start = showDay ? `${day(from)}, ${time(from)}` : time(from);
  if (time(from) === time(to) && sameDay) return start;
  return `${start} – ${sameDay ? time(to) : `${day(to)}, ${time(to)}`}`;
}

function dayLabel(key: string): string {
  const now = Date.now();
  if (key === dayKey(now)) return say('Today');
  if (key === dayKey(now - 24 * 60 * 60_000)) return say('Yesterday');
  const [y, m, d] = key.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(env.language, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  });
}

function safeUri(text: string): Uri | undefined {
  try {
    return Uri.parse(text, true);
  } catch {
    return undefined;
  }
}
