// The timesheet review: a webview panel with the range's rows, where the person leaves out rows, merges two, edits a
// ticket or adds a note, and picks the rounding, with totals that follow; then exports. Nothing in it is published.
// The panel works the rows out again for the export and applies the checked edits to them; the file goes where the
// save dialog says (Markdown: the clipboard), never where a webview says.
import { env, Uri, ViewColumn, type Disposable, type WebviewPanel } from 'vscode';
import { createWebviewPanel, showError } from '../../platform/show.vscode';
import { say } from '../../text/shown';
import { deliver, timesheetFor } from '../exportTimesheet.vscode';
import type { ExportResult, InsightsHost } from '../host.vscode';
import { reviewRows, timesheetDocument } from './document';
import type { ExportRequest } from './exportArgs';
import { parseReviewMessage } from './reviewMessages';
import type { FromReview, ToReview } from './reviewProtocol';
import { reviewStrings } from './reviewStrings';
import { ticketProblemFor } from './ticketSetting.vscode';

export const REVIEW_VIEW_TYPE = 'activityFeed.timesheetReview';
const MAX_REFUSALS_LOGGED = 20;

export interface ReviewTimings {
  /** From the command to the rows on screen, as the webview reported it. */
  openToRowsMs?: number;
  rows?: number;
  /** From the panel posting its latest rows (a new range or grouping) to them on screen. */
  lastDraftToRowsMs?: number;
  /** The webview building its table the last time (a rounding change, an include, a merge redraw the same way). */
  lastRenderMs?: number;
  /** How many times the webview drew its rows. */
  draws?: number;
}

export class TimesheetReview implements Disposable {
  private static current: TimesheetReview | undefined;
  private readonly disposables: Disposable[] = [];
  private refusals = 0;
  private lastMessage: ToReview | undefined;
  private lastExport: ExportResult | undefined;
  private draftPostedAt: number | undefined;
  readonly timings: ReviewTimings = {};

  static show(host: InsightsHost, request: ExportRequest): TimesheetReview {
    const openedAt = performance.now();
    if (TimesheetReview.current) {
      TimesheetReview.current.request = request;
      TimesheetReview.current.panel.reveal();
      void TimesheetReview.current.postDraft();
      return TimesheetReview.current;
    }
    const panel = createWebviewPanel(REVIEW_VIEW_TYPE, say('Timesheet Review'), ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [Uri.joinPath(host.extensionUri, 'dist'), Uri.joinPath(host.extensionUri, 'media', 'insights')],
    });
    TimesheetReview.current = new TimesheetReview(panel, host, request, openedAt);
    return TimesheetReview.current;
  }

  static get open(): TimesheetReview | undefined {
    return TimesheetReview.current;
  }

  private constructor(
    readonly panel: WebviewPanel,
    private readonly host: InsightsHost,
    private request: ExportRequest,
    private readonly openedAt: number,
  ) {
    panel.iconPath = Uri.joinPath(host.extensionUri, 'media', 'activity-bar.svg');
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.accept(raw)),
    );
  }

  /** What the webview shows now, and the last export's result (for tests and the API). */
  get state(): ToReview | undefined {
    return this.lastMessage;
  }

  get exported(): ExportResult | undefined {
    return this.lastExport;
  }

  private accept(raw: unknown): void {
    if (isRendered(raw)) {
      this.recordDraw(raw);
      return;
    }
    const parsed = parseReviewMessage(raw);
    if (!parsed.ok) {
      if (++this.refusals <= MAX_REFUSALS_LOGGED)
        this.host.log.warn(`Timesheet review: ignored a message from the webview: ${parsed.reason}.`);
      return;
    }
    void this.receive(parsed.value).catch((error: unknown) => {
      this.host.log.warn(
        `Timesheet review: the ${parsed.value.type} message failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      void showError(say('The timesheet could not be exported: {0}', error instanceof Error ? error.message : String(error)));
    });
  }

  private async receive(message: FromReview): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.postDraft();
        return;
      case 'draft':
        this.request = { ...this.request, from: message.from, to: message.to, groupBy: message.groupBy };
        await this.postDraft();
        return;
      case 'export': {
        const request = { ...this.request, rule: message.rule, decimal: message.decimal };
        const { document, otherMachines } = await timesheetFor(this.host, request);
        const rows = reviewRows(document.rows, message.edits);
        const reviewed = timesheetDocument(rows, request, document.timeZone, message.edits.notes);
        // The panel's own save dialog or the clipboard: a path is never taken from the webview.
        const result = await deliver(this.host, { ...request, path: undefined }, message.format, reviewed, otherMachines, true);
        if (result) {
          this.lastExport = result;
          const where = result.clipboard ? say('on the clipboard') : say('in {0}', result.path ?? '');
          this.postMessage({
            type: 'exported',
            message: say('Exported {0} rows, {1} h billed, {2}.', result.rows, result.billedHours, where),
          });
        }
        return;
      }
    }
  }

  private recordDraw(raw: object): void {
    const now = performance.now();
    this.timings.openToRowsMs ??= now - this.openedAt;
    this.timings.rows = this.lastMessage?.type === 'draft' ? this.lastMessage.draft.rows.length : undefined;
    if (this.draftPostedAt !== undefined) this.timings.lastDraftToRowsMs = now - this.draftPostedAt;
    this.draftPostedAt = undefined;
    const renderMs: unknown = Object.getOwnPropertyDescriptor(raw, 'renderMs')?.value;
    if (typeof renderMs === 'number' && Number.isFinite(renderMs) && renderMs >= 0) this.timings.lastRenderMs = renderMs;
    this.timings.draws = (this.timings.draws ?? 0) + 1;
  }

  private async postDraft(): Promise<void> {
    const { document, otherMachines } = await timesheetFor(this.host, this.request);
    const ticketProblem = ticketProblemFor(this.host);
    this.postMessage({
      type: 'draft',
      draft: {
        from: this.request.from,
        to: this.request.to,
        groupBy: this.request.groupBy,
        rule: this.request.rule,
        decimal: this.request.decimal,
        rows: [...document.rows],
        timeZone: document.timeZone,
        otherMachines,
        ...(ticketProblem !== undefined ? { ticketProblem } : {}),
      },
      strings: reviewStrings(),
    });
  }

  private postMessage(message: ToReview): void {
    if (message.type === 'draft') this.draftPostedAt = performance.now();
    this.lastMessage = message.type === 'draft' ? message : this.lastMessage;
    void this.panel.webview.postMessage(message);
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
    const script = webview.asWebviewUri(Uri.joinPath(this.host.extensionUri, 'dist', 'timesheet-webview.js'));
    const style = webview.asWebviewUri(Uri.joinPath(this.host.extensionUri, 'media', 'insights', 'timesheet.css'));
    const csp = [
      `default-src 'none'`,
      `style-src ${webview.cspSource}`,
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
<title>Timesheet Review</title>
</head>
<body>
<main id="timesheet-root" data-state="loading"></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  dispose(): void {
    if (TimesheetReview.current === this) TimesheetReview.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The webview's one-way report that the rows are on screen; it carries nothing the panel acts on. */
function isRendered(raw: unknown): raw is object {
  return typeof raw === 'object' && raw !== null && Object.getOwnPropertyDescriptor(raw, 'type')?.value === 'rendered';
}
