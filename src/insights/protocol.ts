// Messages between the Insights panel (extension side) and its webview. Types only: both sides import it.
import type { Insights, InsightsQuery } from './aggregate';

/** The formats the panel's Export buttons offer. */
export type TimesheetFormat = 'csv' | 'json';

export type RangePreset = '7' | '30' | '90' | 'custom';

/** A next step the panel offers for a state; the extension maps its id to a command. */
export interface PanelAction {
  id: 'setUp' | 'signIn' | 'retry' | 'showLog' | 'publishNow' | 'refresh';
  label: string;
}

export type PanelState =
  | { kind: 'loading'; message: string }
  | {
      kind: 'notice';
      reason: 'notConfigured' | 'signedOut' | 'offline' | 'budget' | 'empty' | 'error';
      title: string;
      message: string;
      actions: PanelAction[];
    }
  | {
      kind: 'insights';
      insights: Insights;
      preset: RangePreset;
      /** The header line: when the feed was read, and whether that copy is all there is (offline, budget). */
      readLine: string;
      /** Set when the last read failed and an older copy is shown. */
      warning?: string;
      /** Set when the range reaches further back than the feed holds other machines' sessions. */
      history?: string;
      /** Set when the feed cannot be read at all (signed out, not set up): the figures are this machine's history. */
      localOnly?: 'signedOut' | 'notConfigured';
      /** The next step when the figures are this machine's only (Sign In, Set Up). */
      actions?: PanelAction[];
    };

/** Extension → webview. */
export type ToWebview = { type: 'state'; state: PanelState; strings: Record<string, string> };

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'query'; query: InsightsQuery; preset: RangePreset }
  | { type: 'refresh' }
  | { type: 'export'; format: TimesheetFormat }
  | { type: 'action'; id: PanelAction['id'] }
  /** The first chart is on screen: milliseconds since the webview's script started (for `npm run bench`). */
  | {
      type: 'rendered';
      /** From the webview's script starting: to the chart on screen, to the first figures arriving, to the chart built. */
      sinceScriptMs: number;
      stateArrivedMs: number;
      builtMs: number;
      charts: number;
    };
