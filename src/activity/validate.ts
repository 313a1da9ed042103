// Checks an outgoing userActivity against the documented contract before anything is queued, so a mapping bug
// is a clear local error instead of a 400 from Graph.
import { activitySourceHostProblems } from './activitySourceHost';
import { isHexColor } from './color';
import { INT32_MAX } from './historyItems';
import { LIMITS, payloadByteLength } from './limits';
import { isIanaTimezone } from './timezone';
import { hasLoneSurrogate } from '../text/wellFormed';

export interface ValidationProblem {
  /** Where, e.g. `visualElements.backgroundColor` or `historyItems[2].id`. */
  path: string;
  message: string;
}

export class PayloadValidationError extends Error {
  constructor(readonly problems: readonly ValidationProblem[]) {
    super(`Invalid userActivity payload:\n${problems.map((p) => `- ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'PayloadValidationError';
  }
}

/** Set by the service; a client never sends them. */
export const SERVER_SET_FIELDS = ['id', 'createdDateTime', 'lastModifiedDateTime', 'status', 'expirationDateTime'] as const;
const SERVER_SET_HISTORY_FIELDS = ['status', 'createdDateTime', 'lastModifiedDateTime'] as const;

const ACTIVITY_FIELDS = [
  'appActivityId',
  'activitySourceHost',
  'activationUrl',
  'visualElements',
  'fallbackUrl',
  'contentUrl',
  'appDisplayName',
  'userTimezone',
  'contentInfo',
  'historyItems',
];
const VISUAL_FIELDS = ['displayText', 'description', 'backgroundColor', 'content', 'attribution'];
// alternativeText is undocumented but present in the v1.0 metadata.
const IMAGE_FIELDS = ['iconUrl', 'alternateText', 'addImageQuery', 'alternativeText'];
// expirationDateTime may be set by the client on a history item (hard-delete time), unlike on the activity.
const HISTORY_FIELDS = [
  'id',
  'startedDateTime',
  'lastActiveDateTime',
  'activeDurationSeconds',
  'userTimezone',
  'expirationDateTime',
];

/** The OpenAPI pattern for Edm.DateTimeOffset. */
export const DATE_TIME_OFFSET =
  /^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Collector {
  readonly problems: ValidationProblem[] = [];
  add(path: string, message: string): void {
    this.problems.push({ path, message });
  }
}

export interface ValidationOptions {
  /** False for a whole activity before it is split into request-sized payloads (see splitActivity). */
  enforcePayloadSize?: boolean;
}

export function validateUserActivity(
  payload: unknown,
  { enforcePayloadSize = true }: ValidationOptions = {},
): ValidationProblem[] {
  const out = new Collector();
  if (!isObject(payload)) {
    out.add('', 'the payload must be a JSON object');
    return out.problems;
  }
  checkProperties(out, payload, '', ACTIVITY_FIELDS, SERVER_SET_FIELDS);
  requiredString(out, payload, 'appActivityId', LIMITS.appActivityId);
  if (requiredString(out, payload, 'activitySourceHost', LIMITS.url)) {
    for (const problem of activitySourceHostProblems(payload.activitySourceHost as string))
      out.add('activitySourceHost', problem);
  }
  if (requiredString(out, payload, 'activationUrl', LIMITS.url))
    checkAbsoluteUrl(out, 'activationUrl', payload.activationUrl as string, false);
  for (const field of ['fallbackUrl', 'contentUrl']) {
    if (optionalString(out, payload, field, LIMITS.url, '')) checkAbsoluteUrl(out, field, payload[field] as string, true);
  }
  optionalString(out, payload, 'appDisplayName', LIMITS.appDisplayName, '');
  if (optionalString(out, payload, 'userTimezone', LIMITS.userTimezone, '') && !isIanaTimezone(payload.userTimezone as string)) {
    out.add('userTimezone', 'must be an IANA time zone id such as "Europe/Lisbon"');
  }
  if (payload.contentInfo !== undefined && !isObject(payload.contentInfo))
    out.add('contentInfo', 'must be a JSON object (JSON-LD)');
  checkVisualElements(out, payload.visualElements);
  checkHistoryItems(out, payload.historyItems);
  const bytes = enforcePayloadSize ? payloadByteLength(payload) : 0;
  if (bytes > LIMITS.payloadBytes) out.add('', `the serialized payload is ${bytes} bytes; the limit is ${LIMITS.payloadBytes}`);
  return out.problems;
}

export function assertValidUserActivity(payload: unknown, options: ValidationOptions = {}): void {
  const problems = validateUserActivity(payload, options);
  if (problems.length > 0) throw new PayloadValidationError(problems);
}

function checkProperties(
  out: Collector,
  object: Json,
  prefix: string,
  allowed: readonly string[],
  serverSet: readonly string[],
): void {
  for (const key of Object.keys(object)) {
    if (serverSet.includes(key)) out.add(`${prefix}${key}`, 'is set by the server and must not be sent');
    else if (!allowed.includes(key)) out.add(`${prefix}${key}`, 'is not a property of the contract');
  }
}

function requiredString(out: Collector, object: Json, key: string, maxLength: number, prefix = ''): boolean {
  if (object[key] === undefined || object[key] === null) {
    out.add(`${prefix}${key}`, 'is required');
    return false;
  }
  return optionalString(out, object, key, maxLength, prefix);
}

/** True when present and a valid string. */
function optionalString(out: Collector, object: Json, key: string, maxLength: number, prefix: string): boolean {
  const value = object[key];
  if (value === undefined) return false;
  if (typeof value !== 'string') {
    out.add(`${prefix}${key}`, 'must be a string');
    return false;
  }
  if (value.trim() === '') {
    out.add(`${prefix}${key}`, 'must not be empty');
    return false;
  }
  if (value.length > maxLength) out.add(`${prefix}${key}`, `is ${value.length} characters; the limit is ${maxLength}`);
  if (hasLoneSurrogate(value)) out.add(`${prefix}${key}`, 'contains a lone surrogate');
  return true;
}

function checkAbsoluteUrl(out: Collector, path: string, value: string, webOnly: boolean): void {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/[^\s]+$/.exec(value)?.[1]?.toLowerCase();
  if (!scheme) out.add(path, 'must be an absolute URL without spaces');
  else if (webOnly && scheme !== 'https' && scheme !== 'http') out.add(path, 'must be an http(s) URL');
}

function checkVisualElements(out: Collector, visual: unknown): void {
  if (visual === undefined || visual === null) {
    out.add('visualElements', 'is required');
    return;
  }
  if (!isObject(visual)) {
    out.add('visualElements', 'must be an object');
    return;
  }
  const prefix = 'visualElements.';
  checkProperties(out, visual, prefix, VISUAL_FIELDS, []);
  requiredString(out, visual, 'displayText', LIMITS.displayText, prefix);
  optionalString(out, visual, 'description', LIMITS.description, prefix);
  if (optionalString(out, visual, 'backgroundColor', 7, prefix) && !isHexColor(visual.backgroundColor as string)) {
    out.add(`${prefix}backgroundColor`, 'must be a hex colour: #RGB or #RRGGBB');
  }
  if (visual.attribution !== undefined) checkAttribution(out, visual.attribution);
  if (visual.content !== undefined) checkCard(out, visual.content);
}

function checkAttribution(out: Collector, attribution: unknown): void {
  const prefix = 'visualElements.attribution.';
  if (!isObject(attribution)) {
    out.add('visualElements.attribution', 'must be an object');
    return;
  }
  checkProperties(out, attribution, prefix, IMAGE_FIELDS, []);
  if (optionalString(out, attribution, 'iconUrl', LIMITS.url, prefix))
    checkAbsoluteUrl(out, `${prefix}iconUrl`, attribution.iconUrl as string, true);
  optionalString(out, attribution, 'alternateText', LIMITS.alternateText, prefix);
  optionalString(out, attribution, 'alternativeText', LIMITS.alternateText, prefix);
  if (attribution.addImageQuery !== undefined && typeof attribution.addImageQuery !== 'boolean') {
    out.add(`${prefix}addImageQuery`, 'must be a boolean (not the string "false")');
  }
}

function checkCard(out: Collector, card: unknown): void {
  const path = 'visualElements.content';
  if (!isObject(card)) {
    out.add(path, 'must be an Adaptive Card object');
    return;
  }
  if (card.type !== 'AdaptiveCard') out.add(`${path}.type`, 'must be "AdaptiveCard"');
  if (typeof card.version !== 'string' || !/^\d+\.\d+$/.test(card.version))
    out.add(`${path}.version`, 'must declare the Adaptive Card version, e.g. "1.3"');
  if (card.body !== undefined && !Array.isArray(card.body)) out.add(`${path}.body`, 'must be an array');
}

function checkHistoryItems(out: Collector, items: unknown): void {
  if (items === undefined) return;
  if (!Array.isArray(items)) {
    out.add('historyItems', 'must be an array');
    return;
  }
  const seen = new Set<string>();
  items.forEach((item: unknown, index) => {
    const prefix = `historyItems[${index}].`;
    if (!isObject(item)) {
      out.add(`historyItems[${index}]`, 'must be an object');
      return;
    }
    checkProperties(out, item, prefix, HISTORY_FIELDS, SERVER_SET_HISTORY_FIELDS);
    if (item.id !== undefined) {
      if (typeof item.id !== 'string' || !GUID.test(item.id)) out.add(`${prefix}id`, 'must be a GUID');
      else if (seen.has(item.id.toLowerCase())) out.add(`${prefix}id`, 'is used by another history item of this payload');
      else seen.add(item.id.toLowerCase());
    }
    const started = dateTime(out, item, 'startedDateTime', prefix, true);
    const lastActive = dateTime(out, item, 'lastActiveDateTime', prefix, false);
    dateTime(out, item, 'expirationDateTime', prefix, false);
    if (started !== undefined && lastActive !== undefined && lastActive < started) {
      out.add(`${prefix}lastActiveDateTime`, 'must not be before startedDateTime');
    }
    const duration = item.activeDurationSeconds;
    if (duration !== undefined) {
      if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 0 || duration > INT32_MAX) {
        out.add(`${prefix}activeDurationSeconds`, 'must be a non-negative int32');
      } else if (started !== undefined && lastActive !== undefined && duration > (lastActive - started) / 1000) {
        out.add(`${prefix}activeDurationSeconds`, 'must not exceed lastActiveDateTime - startedDateTime');
      }
    }
    if (optionalString(out, item, 'userTimezone', LIMITS.userTimezone, prefix) && !isIanaTimezone(item.userTimezone as string)) {
      out.add(`${prefix}userTimezone`, 'must be an IANA time zone id');
    }
  });
}

/** Epoch ms of a valid DateTimeOffset field, else undefined (with a problem when present but invalid). */
function dateTime(out: Collector, object: Json, key: string, prefix: string, required: boolean): number | undefined {
  const value = object[key];
  if (value === undefined || value === null) {
    if (required) out.add(`${prefix}${key}`, 'is required');
    return undefined;
  }
  if (typeof value !== 'string' || !DATE_TIME_OFFSET.test(value)) {
    out.add(`${prefix}${key}`, 'must be an ISO 8601 DateTimeOffset such as 2026-03-14T09:05:00Z');
    return undefined;
  }
  // Date.parse takes at most millisecond precision; extra fraction digits do not matter for ordering here.
  const epoch = Date.parse(value.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(epoch) || !isCalendarDate(value)) {
    out.add(`${prefix}${key}`, 'is not a real date');
    return undefined;
  }
  return epoch;
}

/** Date.parse rolls 2026-02-30 over to March; the contract wants a real calendar day. */
function isCalendarDate(value: string): boolean {
  const [year = 0, month = 0, day = 0] = value.slice(0, value.indexOf('T')).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
