// The editor's surfaces that show text to a person, each taking only text that crossed the boundary (`Shown`,
// `ShownMarkdown`: src/text/shown.ts). This is the one file allowed to call them: the static tier rejects
// window.show*Message, showQuickPick, showInputBox, withProgress, setStatusBarMessage, createStatusBarItem,
// `new TreeItem`, `new MarkdownString` and l10n.t anywhere else in src/ (eslint.config.mjs).
import {
  CancellationToken,
  Disposable,
  MarkdownString,
  Progress,
  ProgressLocation,
  QuickPickItem,
  StatusBarAlignment,
  StatusBarItem,
  ThemeColor,
  TreeItem,
  TreeItemCollapsibleState,
  TreeView,
  Uri,
  ViewColumn,
  WebviewOptions,
  WebviewPanel,
  WebviewPanelOptions,
  window,
} from 'vscode';
import type { Shown, ShownMarkdown } from '../text/shown';

type Answer<T extends Shown> = Thenable<T | undefined>;

export function showInformation<T extends Shown>(message: Shown, ...actions: T[]): Answer<T> {
  return window.showInformationMessage(message, ...actions);
}

export function showWarning<T extends Shown>(message: Shown, ...actions: T[]): Answer<T> {
  return window.showWarningMessage(message, ...actions);
}

export function showError<T extends Shown>(message: Shown, ...actions: T[]): Answer<T> {
  return window.showErrorMessage(message, ...actions);
}

/** A modal warning: the person must answer before going on (a confirmation before something irreversible). */
export function askModal<T extends Shown>(message: Shown, detail: Shown | undefined, ...actions: T[]): Answer<T> {
  return window.showWarningMessage(message, { modal: true, ...(detail !== undefined && { detail }) }, ...actions);
}

/** A quick pick item whose words crossed the boundary; the rest of QuickPickItem passes through. */
export type ShownPickItem = Omit<QuickPickItem, 'label' | 'description' | 'detail'> & {
  label: Shown;
  description?: Shown;
  detail?: Shown;
};

export interface ShownPickOptions {
  title?: Shown;
  placeHolder?: Shown;
}

export function choose<T extends ShownPickItem>(items: readonly T[], options: ShownPickOptions = {}): Thenable<T | undefined> {
  return window.showQuickPick(items, { ...options });
}

export type ShownProgress = Progress<{ message?: Shown; increment?: number }>;

export interface ShownProgressOptions {
  location: ProgressLocation | { viewId: string };
  title?: Shown;
  cancellable?: boolean;
}

export function withProgress<R>(
  options: ShownProgressOptions,
  task: (progress: ShownProgress, token: CancellationToken) => Thenable<R>,
): Thenable<R> {
  return window.withProgress(options, task);
}

/** A message in the status bar for a few seconds. */
export function flashStatus(message: Shown, timeoutMs: number): Disposable {
  return window.setStatusBarMessage(message, timeoutMs);
}

/** Markdown made of boundary-crossed lines: no command links (the string is not trusted), no HTML. */
export function markdownOf(paragraphs: readonly ShownMarkdown[], supportThemeIcons = false): MarkdownString {
  const markdown = new MarkdownString(paragraphs.join('\n\n'), supportThemeIcons);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  return markdown;
}

export interface ShownTreeItem {
  label: Shown;
  collapsible?: TreeItemCollapsibleState;
  description?: Shown;
  tooltip?: Shown | readonly ShownMarkdown[];
}

/** A tree item whose words crossed the boundary; icons, ids, commands and context values are set by the caller. */
export function treeItem({ label, collapsible, description, tooltip }: ShownTreeItem): TreeItem {
  const item = new TreeItem(label, collapsible ?? TreeItemCollapsibleState.None);
  if (description !== undefined) item.description = description;
  if (tooltip !== undefined) item.tooltip = typeof tooltip === 'string' ? tooltip : markdownOf(tooltip);
  return item;
}

export interface ShownStatus {
  text: Shown;
  tooltip: Shown | readonly ShownMarkdown[];
  accessibilityLabel: Shown;
  warning?: boolean;
}

/** The status bar item, which only ever says boundary-crossed words. */
export class StatusItem implements Disposable {
  private readonly item: StatusBarItem;

  constructor(id: string, name: Shown, command: string) {
    this.item = window.createStatusBarItem(id, StatusBarAlignment.Right, 100);
    this.item.name = name;
    this.item.command = command;
  }

  show({ text, tooltip, accessibilityLabel, warning }: ShownStatus): void {
    this.item.text = text;
    this.item.tooltip = typeof tooltip === 'string' ? tooltip : markdownOf(tooltip, true);
    this.item.accessibilityInformation = { label: accessibilityLabel };
    this.item.backgroundColor = warning ? new ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** The message a tree view shows above its items. */
export function setViewMessage(view: TreeView<unknown>, message: Shown | undefined): void {
  view.message = message;
}

export interface ShownSaveOptions {
  title: Shown;
  defaultUri?: Uri;
  filters?: Record<string, string[]>;
}

/** The save dialog: where a file goes is always the person's choice (or an API caller's), never a webview's. */
export function saveDialog(options: ShownSaveOptions): Thenable<Uri | undefined> {
  return window.showSaveDialog(options);
}

/** A webview panel's title. */
export function createWebviewPanel(
  viewType: string,
  title: Shown,
  column: ViewColumn | { viewColumn: ViewColumn; preserveFocus?: boolean },
  options: WebviewPanelOptions & WebviewOptions,
): WebviewPanel {
  return window.createWebviewPanel(viewType, title, column, options);
}
