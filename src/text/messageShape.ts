// Reading a message from a webview (or anyone else who cannot be trusted) field by field: only own data properties,
// members of a fixed set, and a JSON size measured without reading past the budget.
import type { Parsed } from './jsonShape';

export function isMember<K extends string>(members: Record<K, unknown>, value: unknown): value is K {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(members, value);
}

/** An own data property: nothing inherited (a polluted prototype) and no getter is ever read. */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.getOwnPropertyDescriptor(record, key)?.value;
}

export function accept<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function refuse(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

/**
 * The length of `value` as JSON, or undefined once it passes `budget`, nests deeper than `depth` or holds what JSON
 * cannot (a function, a bigint, a symbol; a cycle ends at the depth limit). It stops as soon as the budget is spent,
 * so refusing a huge message costs no more than reading the first `budget` characters of it.
 */
export function jsonLength(value: unknown, budget: number, depth: number): number | undefined {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'boolean' || typeof value === 'number') return within(String(value).length, budget);
  if (typeof value === 'string') return value.length > budget ? undefined : within(JSON.stringify(value).length, budget);
  if (typeof value !== 'object' || depth < 0) return undefined;
  return Array.isArray(value) ? arrayLength(value, budget, depth) : objectLength(value, budget, depth);
}

function arrayLength(items: readonly unknown[], budget: number, depth: number): number | undefined {
  if (items.length > budget) return undefined;
  let total = 2;
  for (const item of items) {
    const length = jsonLength(item, budget - total, depth - 1);
    if (length === undefined) return undefined;
    total += length + 1;
  }
  return within(total, budget);
}

function objectLength(record: object, budget: number, depth: number): number | undefined {
  let total = 2;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    const keyLength = jsonLength(key, budget - total, 0);
    if (keyLength === undefined) return undefined;
    total += keyLength + 2;
    const length = jsonLength(own(record as Record<string, unknown>, key), budget - total, depth - 1);
    if (length === undefined) return undefined;
    total += length;
    if (total > budget) return undefined;
  }
  return within(total, budget);
}

function within(length: number, budget: number): number | undefined {
  return length <= budget ? length : undefined;
}
