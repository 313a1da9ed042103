// The Insights webview is not trusted: every message it posts is checked against its type's schema before the panel
// acts on it. What the real webview sends passes unchanged; anything else is refused or loses what is not in it.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { dayKey } from '../../../src/insights/calendar';
import type { FromWebview } from '../../../src/insights/protocol';
import {
  MAX_CHARTS,
  MAX_FILTER_LENGTH,
  MAX_MESSAGE_JSON,
  MAX_RENDER_MS,
  parseWebviewMessage,
} from '../../../src/insights/webviewMessages';

/** The fields each message type has: what a parsed message may hold, and all it may hold. */
const SCHEMA_KEYS: Record<FromWebview['type'], string[]> = {
  ready: ['type'],
  refresh: ['type'],
  query: ['type', 'query', 'preset'],
  export: ['type', 'format'],
  action: ['type', 'id'],
  rendered: ['type', 'sinceScriptMs', 'stateArrivedMs', 'builtMs', 'charts'],
};
const QUERY_KEYS = ['from', 'to', 'workspace', 'language', 'branch', 'ticket'];
const ACTION_IDS = ['setUp', 'signIn', 'retry', 'showLog', 'publishNow', 'refresh'] as const;
const PRESETS = ['7', '30', '90', 'custom'] as const;

const day = fc
  .date({ min: new Date(2000, 0, 1), max: new Date(2099, 11, 31, 12), noInvalidDate: true })
  .map((d) => dayKey(d.getTime()));
const filter = fc.string({ minLength: 1, maxLength: MAX_FILTER_LENGTH });

/** Messages as structured clone delivers them: plain objects. */
const plain = { noNullPrototype: true } as const;
const validMessage: fc.Arbitrary<FromWebview> = fc.oneof(
  fc.constant<FromWebview>({ type: 'ready' }),
  fc.constant<FromWebview>({ type: 'refresh' }),
  fc.record(
    {
      type: fc.constant('query' as const),
      query: fc.record(
        { from: day, to: day, workspace: filter, language: filter, branch: filter, ticket: filter },
        { requiredKeys: ['from', 'to'], ...plain },
      ),
      preset: fc.constantFrom(...PRESETS),
    },
    plain,
  ),
  fc.record({ type: fc.constant('export' as const), format: fc.constantFrom('csv' as const, 'json' as const) }, plain),
  fc.record({ type: fc.constant('action' as const), id: fc.constantFrom(...ACTION_IDS) }, plain),
  fc.record(
    {
      type: fc.constant('rendered' as const),
      sinceScriptMs: fc.double({ min: 0, max: MAX_RENDER_MS, noNaN: true }),
      stateArrivedMs: fc.double({ min: 0, max: MAX_RENDER_MS, noNaN: true }),
      builtMs: fc.double({ min: 0, max: MAX_RENDER_MS, noNaN: true }),
      charts: fc.nat({ max: MAX_CHARTS }),
    },
    plain,
  ),
);

const FIELD_NAMES = new Set([...Object.values(SCHEMA_KEYS).flat(), ...QUERY_KEYS]);

/** Keys outside every schema: ones that have bitten parsers before, and whatever fast-check makes up. */
const hostileKey = fc
  .oneof(
    fc.constantFrom('path', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'),
    fc.string({ maxLength: 12 }),
  )
  .filter((key) => !FIELD_NAMES.has(key));

/** Own, enumerable properties, `__proto__` included (an assignment would set the prototype instead). */
function withExtras<T extends object>(target: T, extras: [string, unknown][]): T {
  const copy = { ...target };
  for (const [key, value] of extras) {
    if (Object.prototype.hasOwnProperty.call(copy, key)) continue;
    Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

function parsedValue(raw: unknown): FromWebview {
  const parsed = parseWebviewMessage(raw);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
  return parsed.value;
}

function assertRefused(raw: unknown, why: string): void {
  const parsed = parseWebviewMessage(raw);
  assert.equal(parsed.ok, false, `${why}: accepted ${parsed.ok ? JSON.stringify(parsed.value) : ''}`);
}

/** An accepted message holds its type's fields and nothing else, and reads back as itself. */
function assertSchemaShaped(value: FromWebview): void {
  for (const key of Object.keys(value)) assert.ok(SCHEMA_KEYS[value.type].includes(key), `${value.type} kept ${key}`);
  if (value.type === 'query')
    for (const key of Object.keys(value.query)) assert.ok(QUERY_KEYS.includes(key), `query kept ${key}`);
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
  assert.deepEqual(parsedValue(value), value);
}

describe('Insights webview messages', () => {
  afterEach(() => {
    assert.equal(({} as Record<string, unknown>).path, undefined, 'Object.prototype is untouched');
  });

  it('accepts every message the real webview sends, unchanged', () => {
    const today = dayKey(Date.now());
    const real: FromWebview[] = [
      { type: 'ready' },
      { type: 'refresh' },
      { type: 'export', format: 'csv' },
      { type: 'export', format: 'json' },
      ...ACTION_IDS.map((id): FromWebview => ({ type: 'action', id })),
      { type: 'rendered', sinceScriptMs: 812.4000000059605, stateArrivedMs: 20.5, builtMs: 790.25, charts: 1 },
      ...(['7', '30', '90'] as const).map((preset): FromWebview => ({
        type: 'query',
        query: { from: '2026-10-28', to: today },
        preset,
      })),
      {
        type: 'query',
        query: { from: '2026-02-01', to: '2026-02-28', workspace: 'w:c0ffee12', language: 'typescript' },
        preset: 'custom',
      },
      { type: 'query', query: { from: '2026-11-01', to: '2026-11-26', workspace: '(none)' }, preset: '30' },
    ];
    for (const message of real) assert.deepEqual(parsedValue(message), message);
    fc.assert(fc.property(validMessage, (message) => assert.deepEqual(parsedValue(message), message)));
  });

  it('drops keys outside the schema (path, __proto__, constructor …) and keeps the rest', () => {
    const extras = fc.array(fc.tuple(hostileKey, fc.jsonValue({ maxDepth: 1 })), { maxLength: 6 });
    fc.assert(
      fc.property(validMessage, extras, extras, (message, outer, inner) => {
        const sent =
          message.type === 'query'
            ? withExtras({ ...message, query: withExtras(message.query, inner) }, outer)
            : withExtras(message, outer);
        const parsed = parseWebviewMessage(sent);
        assert.ok(parsed.ok || /over \d+ characters/.test(parsed.reason), 'only the size limit refuses a real message');
        if (!parsed.ok) return;
        assert.deepEqual(parsed.value, message);
        assertSchemaShaped(parsed.value);
      }),
    );
  });

  it('never lets a path through, at any level', () => {
    const sent = {
      type: 'query',
      preset: 'custom',
      path: '/tmp/x',
      query: { from: '2026-01-05', to: '2026-01-11', path: '/tmp/x' },
    };
    assert.deepEqual(parsedValue(sent), { type: 'query', preset: 'custom', query: { from: '2026-01-05', to: '2026-01-11' } });
    assert.deepEqual(parsedValue({ type: 'export', format: 'csv', path: '/tmp/x' }), { type: 'export', format: 'csv' });
  });

  it('refuses or reshapes arbitrary values, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.object({ key: hostileKey, maxDepth: 3 })), (raw) => {
        const parsed = parseWebviewMessage(raw);
        if (parsed.ok) assertSchemaShaped(parsed.value);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a field of the wrong type or out of its bounds, whichever field it is', () => {
    const query: FromWebview = { type: 'query', query: { from: '2026-01-01', to: '2026-01-31' }, preset: '30' };
    const rendered: FromWebview = { type: 'rendered', sinceScriptMs: 1, stateArrivedMs: 1, builtMs: 1, charts: 1 };
    const isDay = (v: unknown) => typeof v === 'string' && /^20\d\d-\d\d-\d\d$/.test(v);
    const isFilter = (v: unknown) => v === undefined || (typeof v === 'string' && v.length <= MAX_FILTER_LENGTH);
    const mutations: [string, (junk: unknown) => unknown, (junk: unknown) => boolean][] = [
      ['type', (junk) => ({ type: junk }), (v) => typeof v === 'string' && Object.prototype.hasOwnProperty.call(SCHEMA_KEYS, v)],
      ['query.from', (junk) => ({ ...query, query: { ...query.query, from: junk } }), isDay],
      ['query.to', (junk) => ({ ...query, query: { ...query.query, to: junk } }), isDay],
      ['query.workspace', (junk) => ({ ...query, query: { ...query.query, workspace: junk } }), isFilter],
      ['query.language', (junk) => ({ ...query, query: { ...query.query, language: junk } }), isFilter],
      ['query.branch', (junk) => ({ ...query, query: { ...query.query, branch: junk } }), isFilter],
      ['query.ticket', (junk) => ({ ...query, query: { ...query.query, ticket: junk } }), isFilter],
      ['query.query', (junk) => ({ ...query, query: junk }), () => false],
      ['query.preset', (junk) => ({ ...query, preset: junk }), (v) => PRESETS.some((p) => p === v)],
      ['export.format', (junk) => ({ type: 'export', format: junk }), (v) => v === 'csv' || v === 'json'],
      ['action.id', (junk) => ({ type: 'action', id: junk }), (v) => ACTION_IDS.some((id) => id === v)],
      ['rendered.sinceScriptMs', (junk) => ({ ...rendered, sinceScriptMs: junk }), (v) => typeof v === 'number'],
      ['rendered.stateArrivedMs', (junk) => ({ ...rendered, stateArrivedMs: junk }), (v) => typeof v === 'number'],
      ['rendered.builtMs', (junk) => ({ ...rendered, builtMs: junk }), (v) => typeof v === 'number'],
      ['rendered.charts', (junk) => ({ ...rendered, charts: junk }), (v) => typeof v === 'number'],
    ];
    for (const [field, build, plausible] of mutations) {
      fc.assert(
        fc.property(
          fc.anything().filter((junk) => !plausible(junk)),
          (junk) => assertRefused(build(junk), field),
        ),
        { numRuns: 150 },
      );
    }
  });

  it('refuses dates that are not real days from 2000 to 2099, and numbers out of range', () => {
    const refusedDays = [
      '1999-12-31',
      '2100-01-01',
      '2026-02-30',
      '2026-13-01',
      '2026-1-1',
      '+02026-01-01',
      '2026-01-01T00:00',
      ' 2026-01-01',
      '275760-09-13',
      '',
    ];
    for (const from of refusedDays) assertRefused({ type: 'query', query: { from, to: '2026-01-31' }, preset: 'custom' }, from);
    const badRendered: [unknown, unknown][] = [
      [-1, 1],
      [NaN, 1],
      [Infinity, 1],
      [MAX_RENDER_MS + 1, 1],
      [1, -1],
      [1, 1.5],
      [1, MAX_CHARTS + 1],
    ];
    for (const [sinceScriptMs, charts] of badRendered)
      assertRefused({ type: 'rendered', sinceScriptMs, charts }, `rendered ${String(sinceScriptMs)} ${String(charts)}`);
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      assertRefused({ type: name }, `type ${name}`);
      assertRefused({ type: 'export', format: name }, `format ${name}`);
      assertRefused({ type: 'action', id: name }, `id ${name}`);
      assertRefused({ type: 'query', query: { from: '2026-01-01', to: '2026-01-02' }, preset: name }, `preset ${name}`);
    }
  });

  it('refuses huge strings and messages over 16 KB of JSON, even in keys it would drop', () => {
    const base = { type: 'query', query: { from: '2026-01-01', to: '2026-01-31' }, preset: '30' };
    assertRefused({ ...base, query: { ...base.query, workspace: 'w'.repeat(MAX_FILTER_LENGTH + 1) } }, 'long workspace');
    assertRefused({ ...base, query: { ...base.query, language: 'l'.repeat(1_000_000) } }, 'huge language');
    fc.assert(
      fc.property(fc.integer({ min: MAX_MESSAGE_JSON, max: 4 * MAX_MESSAGE_JSON }), hostileKey, (length, key) =>
        assertRefused(withExtras({ type: 'ready' }, [[key, 'x'.repeat(length)]]), `${length} characters`),
      ),
      { numRuns: 30 },
    );
    const sparse: number[] = [];
    sparse.length = 100_000;
    assertRefused({ type: 'ready', list: sparse }, 'a long sparse array');
    assertRefused({ type: 'ready', list: Array.from({ length: MAX_MESSAGE_JSON }, () => 1) }, 'a long array');
    assertRefused(Object.fromEntries([['type', 'ready'], ...Array.from({ length: 5000 }, (_, i) => [`k${i}`, 0])]), 'many keys');
  });

  it('refuses deep nesting, cycles and values JSON cannot hold', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 50; i++) deep = { deep };
    assertRefused({ type: 'ready', deep }, 'deep nesting');
    const cycle: Record<string, unknown> = { type: 'ready' };
    cycle.self = cycle;
    assertRefused(cycle, 'a cycle');
    assertRefused({ type: 'ready', n: 10n }, 'a bigint');
    assertRefused({ type: 'ready', f: () => undefined }, 'a function');
    assertRefused({ type: 'ready', s: Symbol('x') }, 'a symbol');
    for (const raw of [null, undefined, 'ready', 42, ['ready'], [{ type: 'ready' }]])
      assertRefused(raw, JSON.stringify(raw) ?? 'undefined');
  });

  it('reads only own data properties: no prototype, getter or proxy can supply or break a field', () => {
    assertRefused(Object.create({ type: 'ready' }) as unknown, 'an inherited type');
    const getter = Object.defineProperty({}, 'type', { get: () => 'ready', enumerable: true });
    assertRefused(getter, 'a getter');
    const throwing = new Proxy(
      { type: 'ready' },
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    assertRefused(throwing, 'a proxy that throws');
    const polluted = JSON.parse(
      '{"type":"query","preset":"7","__proto__":{"type":"export","path":"/tmp/x"},' +
        '"query":{"from":"2026-01-01","to":"2026-01-07","__proto__":{"workspace":"evil","path":"/tmp/x"}}}',
    ) as unknown;
    const value = parsedValue(polluted);
    assert.deepEqual(value, { type: 'query', preset: '7', query: { from: '2026-01-01', to: '2026-01-07' } });
    assertSchemaShaped(value);
    assert.deepEqual(parsedValue({ type: 'ready', constructor: { prototype: { path: '/tmp/x' } } }), { type: 'ready' });
  });
});
