// A small seeded pseudo-random generator (mulberry32), so benchmark inputs are the same on every run.

export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Real number in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index drawn with weight 1/(i+1)^exponent: a few items are chosen often, most rarely (Zipf-like). */
  zipfIndex(count: number, exponent = 1): number {
    let total = 0;
    for (let i = 0; i < count; i++) total += 1 / (i + 1) ** exponent;
    let r = this.next() * total;
    for (let i = 0; i < count; i++) {
      r -= 1 / (i + 1) ** exponent;
      if (r < 0) return i;
    }
    return count - 1;
  }

  /** A GUID-shaped id (version 4 layout), deterministic for the seed. */
  guid(): string {
    const hex = (digits: number) => Array.from({ length: digits }, () => this.int(0, 15).toString(16)).join('');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + this.int(0, 3)).toString(16)}${hex(3)}-${hex(12)}`;
  }
}
