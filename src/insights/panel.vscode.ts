// The Insights webview panel: one per window. It reads the feed through the shared PublishedFeed (cached, inside
// the read budget), computes everything with the pure core and posts the result; the webview only renders it.
import { Disposable, Uri, ViewColumn, WebviewPanel, commands, env } from 'vscode';
import { computeInsights, type InsightsQuery } from './aggregate';
import { addDays, dayKey } from './calendar';
import { historyNote, panelState } from './panelState';
import type { FromWebview, PanelAction, RangePreset, ToWebview } from './protocol';
import type { InsightSession } from './sessions';
import { webviewStrings } from './strings';
import { parseWebviewMessage } from './webviewMessages';
import { shownError } from '../text/shownText';
import { say } from '../text/shown';
import { createWebviewPanel } from '../platform/show.vscode';
import { COMMANDS } from '../platform/commandIds';
import { openReview } from './timesheet/timesheetCommand.vscode';
import type { InsightsHost } from './host.vscode';
import { sessionsOf } from './resolver.vscode';

export const INSIGHTS_VIEW_TYPE = 'activityFeed.insights';

const ACTION_COMMANDS: Record<PanelAction['id'], string> = {
  setUp: COMMANDS.signIn,
  signIn: COMMANDS.signIn,
  retry: '',
  refresh: '',
  showLog: COMMANDS.showLog,
  publishNow: COMMANDS.publishNow,
};

export type ShownDays = 7 | 30 | 90;

/** The range a caller of Show Insights asked for, when it is one the panel offers. */
export function shownDays(args: unknown): ShownDays | undefined {
  const days = typeof args === 'object' && args !== null ? (args as { days?: unknown }).days : undefined;
  return days === 7 || days === 30 || days === 90 ? days : undefined;
}

export function defaultQuery(now: number, days = 30): InsightsQuery {
  const to = dayKey(now);
  return { from: addDays(to, -(days - 1)), to };
}

/** Refused webview messages logged per panel; a webview that keeps sending junk cannot flood the log. */
const MAX_REFUSALS_LOGGED = 20;

export interface InsightsTimings {
  /** From the command to the first chart on screen, as the webview reported it. */
  openToFirstChartMs?: number;
  /** The webview's own part of it: from its script starting to the chart. */
  scriptToFirstChartMs?: number;
  /** From the command to the webview's script saying it is ready (the editor making the webview, the script loading). */
  readyMs?: number;
  /** The first load's wait for the feed (nothing when the copy read earlier is fresh). */
  feedReadMs?: number;
  /** Working out the first figures shown: merging feed, copy and ledger, and the aggregation. */
  figuresMs?: number;
  /** From the command to the first figures posted to the webview; the rest of openToFirstChartMs is drawing them. */
  firstFiguresPostedMs?: number;
  /** In the webview, from its script starting: the first figures arriving, and the chart built (before it is painted). */
  figuresArrivedInWebviewMs?: number;
  chartBuiltInWebviewMs?: number;
}

export class InsightsPanel implements Disposable {
  private static current: InsightsPanel | undefined;
  private readonly disposables: Disposable[] = [];
  private query: InsightsQuery;
  private preset: RangePreset = '30';
  private sessions: InsightSession[] | undefined;
  private lastState: ToWebview | undefined;
  private refusals = 0;
  readonly timings: InsightsTimings = {};

  /** Opens (or shows) the panel; `days` chooses the last 7, 30 or 90 days as the range (automation passes it). */
  static show(host: InsightsHost, days?: ShownDays): InsightsPanel {
    const openedAt = performance.now();
    if (InsightsPanel.current) {
      InsightsPanel.current.panel.reveal();
      if (days !== undefined) InsightsPanel.current.showLastDays(days);
      void InsightsPanel.current.load(false);
      return InsightsPanel.current;
    }
    const panel = createWebviewPanel(INSIGHTS_VIEW_TYPE, say('Activity Feed Insights'), ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [Uri.joinPath(host.extensionUri, 'dist'), Uri.joinPath(host.extensionUri, 'media', 'insights')],
    });
    InsightsPanel.current = new InsightsPanel(panel, host, openedAt);
    if (days !== undefined) InsightsPanel.current.showLastDays(days);
    return InsightsPanel.current;
  }

  static get open(): InsightsPanel | undefined {
    return InsightsPanel.current;
  }

  private constructor(
    readonly panel: WebviewPanel,
    private readonly host: InsightsHost,
    private readonly openedAt: number,
  ) {
    this.query = defaultQuery(Date.now());
    panel.iconPath = Uri.joinPath(host.extensionUri, 'media', 'activity-bar.svg');
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.accept(raw)),
      host.onFeedChange(() => {
        this.sessions = undefined;
        // Signed out, set up again or cleared: read again, which says at once what is missing.
        if (host.feed.state.kind === 'idle') void this.load(false);
        else this.post();
      }),
    );
  }

  private showLastDays(days: ShownDays): void {
    this.query = defaultQuery(Date.now(), days);
    this.preset = String(days) as RangePreset;
    this.sessions = undefined;
  }

  /** What the webview shows now (for tests and the API). */
  get state(): ToWebview | undefined {
    return this.lastState;
  }

  get currentQuery(): InsightsQuery {
    return this.query;
  }

  /** Acts on a message only once it is checked against its type's schema; the webview is not trusted. */
  private accept(raw: unknown): void {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.logRefusal(parsed.reason);
      return;
    }
    this.receive(parsed.value).catch((error: unknown) =>
      this.host.log.warn(`Insights: the ${parsed.value.type} message failed: ${shownError(error)}`),
    );
  }

  private logRefusal(reason: string): void {
    this.refusals += 1;
    if (this.refusals > MAX_REFUSALS_LOGGED) return;
    const more = this.refusals === MAX_REFUSALS_LOGGED ? ' Further ones from this panel are not logged.' : '';
    this.host.log.warn(`Insights: ignored a message from the webview: ${reason}.${more}`);
  }

  private async receive(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.timings.readyMs ??= performance.now() - this.openedAt;
        // A read under way shows as loading through the feed's change events; a fresh copy is shown at once.
        const started = performance.now();
        await this.host.feed.refresh({ force: false });
        this.timings.feedReadMs ??= performance.now() - started;
        this.post();
        return;
      }
      case 'query':
        this.query = message.query;
        this.preset = message.preset;
        this.post();
        return;
      case 'refresh':
        await this.load(true);
        return;
      case 'export':
        // The review of the panel's range and filters; its file is chosen in its own save dialog, never by a webview.
        openReview(this.host, { ...this.query, format: message.format });
        return;
      case 'action': {
        const command = ACTION_COMMANDS[message.id];
        if (command) await commands.executeCommand(command);
        if (message.id === 'retry' || message.id === 'refresh' || message.id === 'signIn' || message.id === 'publishNow')
          await this.load(true);
        return;
      }
      case 'rendered':
        this.timings.openToFirstChartMs ??= performance.now() - this.openedAt;
        this.timings.scriptToFirstChartMs ??= message.sinceScriptMs;
        this.timings.figuresArrivedInWebviewMs ??= message.stateArrivedMs;
        this.timings.chartBuiltInWebviewMs ??= message.builtMs;
        this.host.log.info(`Insights: first chart ${this.timings.openToFirstChartMs.toFixed(0)} ms after the panel was opened.`);
        return;
    }
  }

  /** Reads the feed (when forced, or when the copy is missing or stale) and shows the result. */
  async load(force: boolean): Promise<void> {
    await this.host.feed.refresh({ force });
    this.post();
  }

  private post(): void {
    const started = performance.now();
    const feed = this.host.feed;
    this.sessions ??= sessionsOf(this.host);
    const sessions = this.sessions;
    const state = panelState({
      feed: feed.state,
      lastReadAt: feed.lastReadAt ?? (feed.cached.length > 0 ? 0 : undefined),
      hasSessions: sessions.length > 0,
      insights: () => computeInsights(sessions, this.query, Date.now()),
      preset: this.preset,
      historyNote: historyNote(
        this.query.from,
        Date.now(),
        this.host.feedKeepsDays(),
        this.host.otherMachinesEntries()[0]?.startedAt,
      ),
    });
    this.lastState = { type: 'state', state, strings: webviewStrings() };
    if (state.kind === 'insights' && this.timings.figuresMs === undefined) {
      this.timings.figuresMs = performance.now() - started;
      this.timings.firstFiguresPostedMs = performance.now() - this.openedAt;
    }
    void this.panel.webview.postMessage(this.lastState);
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
    const script = webview.asWebviewUri(Uri.joinPath(this.host.extensionUri, 'dist', 'insights-webview.js'));
    const style = webview.asWebviewUri(Uri.joinPath(this.host.extensionUri, 'media', 'insights', 'insights.css'));
    const csp = [
      `default-src 'none'`,
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource} data:`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Activity Feed Insights</title>
</head>
<body>
<main id="insights-root" data-state="loading" aria-live="polite"></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  dispose(): void {
    if (InsightsPanel.current === this) InsightsPanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
