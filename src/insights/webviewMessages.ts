// Checks each message the Insights webview posts before the panel acts on it. The webview renders names anyone who
// can write to the feed chose, so it is not trusted: a message is rebuilt from the fields its type has, each one
// checked and bounded, and anything else is refused with a reason that quotes nothing of the message.
import { isFiniteNumber, isNonNegativeInteger, isRecord, type Parsed } from '../text/jsonShape';
import { accept, isMember, jsonLength, own, refuse } from '../text/messageShape';
import type { InsightsQuery } from './aggregate';
import { isDayKey } from './calendar';
import type { FromWebview, PanelAction, RangePreset, TimesheetFormat } from './protocol';

/** The largest message, as JSON (in UTF-16 code units); the real ones take a few hundred. */
export const MAX_MESSAGE_JSON = 16 * 1024;
/** Objects nested inside the message: a query message holds its query; one level more is slack for dropped keys. */
export const MAX_MESSAGE_DEPTH = 2;
/** A workspace key, language id, branch or ticket picked in a filter. */
export const MAX_FILTER_LENGTH = 512;
export const EARLIEST_DAY = '2000-01-01';
export const LATEST_DAY = '2099-12-31';
/** What `rendered` may report: a day of script time, and a handful of charts. */
export const MAX_RENDER_MS = 24 * 60 * 60 * 1000;
export const MAX_CHARTS = 100;

// Records, not arrays, so that the compiler insists on every member of each union and nothing else.
const RANGE_PRESETS: Record<RangePreset, true> = { '7': true, '30': true, '90': true, custom: true };
const FORMATS: Record<TimesheetFormat, true> = { csv: true, json: true };
const ACTION_IDS: Record<PanelAction['id'], true> = {
  setUp: true,
  signIn: true,
  retry: true,
  showLog: true,
  publishNow: true,
  refresh: true,
};

type MessageOf<K extends FromWebview['type']> = Extract<FromWebview, { type: K }>;
type MessageParsers = { [K in FromWebview['type']]: (message: Record<string, unknown>) => Parsed<MessageOf<K>> };

const PARSERS: MessageParsers = {
  ready: () => accept({ type: 'ready' }),
  refresh: () => accept({ type: 'refresh' }),
  query: parseQueryMessage,
  export: (message) => {
    const format = own(message, 'format');
    return isMember(FORMATS, format) ? accept({ type: 'export', format }) : refuse('export.format must be csv or json');
  },
  action: (message) => {
    const id = own(message, 'id');
    return isMember(ACTION_IDS, id) ? accept({ type: 'action', id }) : refuse('action.id must name one of the actions');
  },
  rendered: parseRenderedMessage,
};

/** The message as the panel may act on it, holding only its type's fields; or why it was refused. */
export function parseWebviewMessage(raw: unknown): Parsed<FromWebview> {
  try {
    if (!isRecord(raw)) return refuse('a message must be an object');
    if (jsonLength(raw, MAX_MESSAGE_JSON, MAX_MESSAGE_DEPTH) === undefined)
      return refuse(`the message is over ${MAX_MESSAGE_JSON} characters as JSON, nested too deep, or not JSON`);
    const type = own(raw, 'type');
    if (!isMember(PARSERS, type)) return refuse('the message type is not one the panel knows');
    return PARSERS[type](raw);
  } catch {
    // Only a value built to throw (a getter, a proxy) gets here; structured clone never delivers one.
    return refuse('the message could not be read');
  }
}

function parseQueryMessage(message: Record<string, unknown>): Parsed<MessageOf<'query'>> {
  const preset = own(message, 'preset');
  if (!isMember(RANGE_PRESETS, preset)) return refuse('query.preset must be 7, 30, 90 or custom');
  const query = parseQuery(own(message, 'query'));
  return query.ok ? accept({ type: 'query', query: query.value, preset }) : query;
}

function parseQuery(value: unknown): Parsed<InsightsQuery> {
  if (!isRecord(value)) return refuse('query.query must be an object');
  const from = own(value, 'from');
  const to = own(value, 'to');
  if (!isDayInRange(from)) return refuse(`query.from must be a day (YYYY-MM-DD) from ${EARLIEST_DAY} to ${LATEST_DAY}`);
  if (!isDayInRange(to)) return refuse(`query.to must be a day (YYYY-MM-DD) from ${EARLIEST_DAY} to ${LATEST_DAY}`);
  const workspace = own(value, 'workspace');
  const language = own(value, 'language');
  const branch = own(value, 'branch');
  const ticket = own(value, 'ticket');
  if (!isFilter(workspace)) return refuse(`query.workspace must be text of at most ${MAX_FILTER_LENGTH} characters`);
  if (!isFilter(language)) return refuse(`query.language must be text of at most ${MAX_FILTER_LENGTH} characters`);
  if (!isFilter(branch)) return refuse(`query.branch must be text of at most ${MAX_FILTER_LENGTH} characters`);
  if (!isFilter(ticket)) return refuse(`query.ticket must be text of at most ${MAX_FILTER_LENGTH} characters`);
  // An empty filter is "all", which the query says by leaving the field out.
  return accept({
    from,
    to,
    ...(workspace ? { workspace } : {}),
    ...(language ? { language } : {}),
    ...(branch ? { branch } : {}),
    ...(ticket ? { ticket } : {}),
  });
}

function parseRenderedMessage(message: Record<string, unknown>): Parsed<MessageOf<'rendered'>> {
  const [sinceScriptMs, stateArrivedMs, builtMs] = (['sinceScriptMs', 'stateArrivedMs', 'builtMs'] as const).map((key) =>
    own(message, key),
  );
  const charts = own(message, 'charts');
  for (const [name, value] of [
    ['sinceScriptMs', sinceScriptMs],
    ['stateArrivedMs', stateArrivedMs],
    ['builtMs', builtMs],
  ] as const) {
    if (!isRenderMs(value)) return refuse(`rendered.${name} must be a number from 0 to ${MAX_RENDER_MS}`);
  }
  if (!isNonNegativeInteger(charts) || charts > MAX_CHARTS)
    return refuse(`rendered.charts must be a whole number from 0 to ${MAX_CHARTS}`);
  return accept({
    type: 'rendered',
    sinceScriptMs: sinceScriptMs as number,
    stateArrivedMs: stateArrivedMs as number,
    builtMs: builtMs as number,
    charts,
  });
}

function isRenderMs(value: unknown): value is number {
  return isFiniteNumber(value) && value >= 0 && value <= MAX_RENDER_MS;
}

function isDayInRange(value: unknown): value is string {
  return isDayKey(value) && value >= EARLIEST_DAY && value <= LATEST_DAY;
}

function isFilter(value: unknown): value is string | undefined {
  return value === undefined || (typeof value === 'string' && value.length <= MAX_FILTER_LENGTH);
}
