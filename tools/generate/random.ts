/**
 * A seedable pseudo-random generator (sfc32 seeded through cyrb128). Math.random cannot be seeded, and the
 * generator's whole point is that the same seed writes byte-identical files on any machine and Node version,
 * so nothing here may depend on floating-point functions whose last bit varies (Math.pow, Math.log…).
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(seed);
    for (let i = 0; i < 15; i += 1) this.uint32();
  }

  /** An independent stream for one part of the output, so that e.g. the budget file does not change with --transactions. */
  static stream(seed: string, part: string): Random {
    return new Random(`${seed}\u0000${part}`);
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A whole number from min to max, both included (max − min below 2^32). */
  int(min: number, max: number): number {
    return min + Math.floor((this.uint32() / 4294967296) * (max - min + 1));
  }

  /** True `percent` times in a hundred. */
  percent(percent: number): boolean {
    return this.int(0, 99) < percent;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[this.int(0, items.length - 1)];
  }

  /** A non-negative bigint below `limit` (any size). */
  bigBelow(limit: bigint): bigint {
    let value = 0n;
    for (let bits = 0n; 1n << bits < limit * 2n ** 32n; bits += 32n) value = (value << 32n) | BigInt(this.uint32());
    return value % limit;
  }
}

/** A 128-bit hash of a string: four 32-bit seeds for sfc32. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}
