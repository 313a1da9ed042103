// The documented shape of userActivity and activityHistoryItem, checked strictly. Returns the first violation.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Violation {
  /** JSON path of the offending value, e.g. visualElements.backgroundColor. */
  target: string;
  message: string;
}

/** The OpenAPI pattern for Edm.DateTimeOffset. */
export const DATE_TIME_OFFSET =
  /^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$/;
export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** #RGB, #RRGGBB or #AARRGGBB. */
export const HEX_COLOUR = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

type Check = (value: Json, target: string) => Violation | undefined;

interface FieldRule {
  required?: boolean;
  /** Non-nullable fields refuse null. */
  nullable?: boolean;
  check: Check;
}

/** Fields the server sets; a client that sends them is ignored, not refused. */
const SERVER_SET_ACTIVITY = new Set(['id', 'createdDateTime', 'lastModifiedDateTime', 'expirationDateTime', 'status']);
const SERVER_SET_HISTORY = new Set(['createdDateTime', 'lastModifiedDateTime', 'status']);

const string: Check = (v, t) => (typeof v === 'string' ? undefined : { target: t, message: `'${t}' must be a string.` });
const boolean: Check = (v, t) =>
  typeof v === 'boolean' ? undefined : { target: t, message: `'${t}' must be a Boolean (true or false).` };
const jsonObject: Check = (v, t) => (isObject(v) ? undefined : { target: t, message: `'${t}' must be a JSON object.` });
const dateTimeOffset: Check = (v, t) =>
  typeof v === 'string' && DATE_TIME_OFFSET.test(v) && !Number.isNaN(Date.parse(v))
    ? undefined
    : { target: t, message: `'${t}' must be an ISO 8601 DateTimeOffset such as 2026-03-14T09:05:00Z.` };
const int32: Check = (v, t) =>
  typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647
    ? undefined
    : { target: t, message: `'${t}' must be a 32-bit integer.` };
const hexColour: Check = (v, t) =>
  typeof v === 'string' && HEX_COLOUR.test(v)
    ? undefined
    : { target: t, message: `'${t}' must be a hex colour such as #1F3B57.` };
const guid: Check = (v, t) =>
  typeof v === 'string' && GUID.test(v) ? undefined : { target: t, message: `'${t}' must be a GUID.` };

const sourceHost: Check = (v, t) => {
  const notString = string(v, t);
  if (notString) return notString;
  let url: URL;
  try {
    url = new URL(v as string);
  } catch {
    return { target: t, message: `'${t}' must be an absolute https URL of a domain, such as https://contoso.com.` };
  }
  if (url.protocol !== 'https:') return { target: t, message: `'${t}' must use https.` };
  const rest = (v as string).slice(url.origin.length);
  if (rest !== '' && rest !== '/') return { target: t, message: `'${t}' must be a domain with no path, query or fragment.` };
  if (url.username || url.password) return { target: t, message: `'${t}' must not carry credentials.` };
  return undefined;
};

const imageInfo = objectOf('imageInfo', {
  iconUrl: { nullable: true, check: string },
  alternateText: { nullable: true, check: string },
  alternativeText: { nullable: true, check: string },
  addImageQuery: { nullable: true, check: boolean },
});

const visualInfo = objectOf('visualInfo', {
  displayText: { required: true, check: string },
  description: { nullable: true, check: string },
  backgroundColor: { nullable: true, check: hexColour },
  content: { nullable: true, check: jsonObject },
  attribution: { nullable: true, check: imageInfo },
});

const historyItemFields: Record<string, FieldRule> = {
  startedDateTime: { required: true, check: dateTimeOffset },
  lastActiveDateTime: { nullable: true, check: dateTimeOffset },
  activeDurationSeconds: { nullable: true, check: int32 },
  userTimezone: { nullable: true, check: string },
  expirationDateTime: { nullable: true, check: dateTimeOffset },
};

const deepInsertedHistoryItem = objectOf(
  'activityHistoryItem',
  { ...historyItemFields, id: { check: guid } },
  SERVER_SET_HISTORY,
);

const activityFields: Record<string, FieldRule> = {
  appActivityId: { required: true, check: string },
  activitySourceHost: { required: true, check: sourceHost },
  activationUrl: { required: true, check: string },
  visualElements: { required: true, check: visualInfo },
  fallbackUrl: { nullable: true, check: string },
  contentUrl: { nullable: true, check: string },
  appDisplayName: { nullable: true, check: string },
  userTimezone: { nullable: true, check: string },
  contentInfo: { nullable: true, check: jsonObject },
  historyItems: { check: arrayOf(deepInsertedHistoryItem) },
};

export function validateActivity(body: Json): Violation | undefined {
  return objectOf('userActivity', activityFields, SERVER_SET_ACTIVITY)(body, '');
}

/** A history item sent on its own; its id is in the URL, and an id in the body must agree with it. */
export function validateHistoryItem(body: Json): Violation | undefined {
  return objectOf('activityHistoryItem', { ...historyItemFields, id: { check: guid } }, SERVER_SET_HISTORY)(body, '');
}

function objectOf(type: string, fields: Record<string, FieldRule>, ignored: ReadonlySet<string> = new Set()): Check {
  return (value, target) => {
    if (!isObject(value)) return { target: target || 'body', message: `'${target || 'body'}' must be a JSON object.` };
    for (const key of Object.keys(value)) {
      if (!(key in fields) && !ignored.has(key) && !key.startsWith('@odata.')) {
        return { target: join(target, key), message: `Property '${key}' does not exist on type 'microsoft.graph.${type}'.` };
      }
    }
    for (const [key, rule] of Object.entries(fields)) {
      const path = join(target, key);
      if (!(key in value)) {
        if (rule.required) return { target: path, message: `Required property '${path}' is missing.` };
        continue;
      }
      const field = value[key];
      if (field === null) {
        if (rule.required || !rule.nullable) return { target: path, message: `Property '${path}' cannot be null.` };
        continue;
      }
      const violation = rule.check(field, path);
      if (violation) return violation;
    }
    return undefined;
  };
}

function arrayOf(item: Check): Check {
  return (value, target) => {
    if (!Array.isArray(value)) return { target, message: `'${target}' must be an array.` };
    for (let i = 0; i < value.length; i++) {
      const violation = item(value[i], `${target}[${i}]`);
      if (violation) return violation;
    }
    return undefined;
  };
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}
