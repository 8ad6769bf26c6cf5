/**
 * Finds keys that occur more than once among millions without holding the keys: each is kept as a 53-bit hash in an
 * open-addressing table of doubles (8 bytes a slot, against some 100 bytes for a string in a Set). Equal hashes are
 * only suspects; the caller settles them exactly in a second pass over the few keys whose hash is suspect. Written by
 * hand because no maintained package offers a set of hashes this compact.
 */
export class RepeatedKeys {
  private slots = new Float64Array(1 << 16);
  private size = 0;
  /** Hashes seen more than once: a repeated key, or (rarely) two keys with the same hash. */
  readonly suspects = new Set<number>();

  add(key: string): void {
    const hash = hash53(key);
    if (this.size * 4 >= this.slots.length * 3) this.grow();
    if (!insert(this.slots, hash)) this.suspects.add(hash);
    else this.size += 1;
  }

  /** Whether the key's hash is suspect, i.e. the key may be repeated. */
  isSuspect(key: string): boolean {
    return this.suspects.size > 0 && this.suspects.has(hash53(key));
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    for (const hash of old) if (hash !== 0) insert(this.slots, hash);
  }
}

/** Puts the hash in its slot (linear probing); false when it is already there. Slot value 0 means empty. */
function insert(slots: Float64Array, hash: number): boolean {
  const mask = slots.length - 1;
  for (let slot = hash % slots.length; ; slot = (slot + 1) & mask) {
    if (slots[slot] === 0) {
      slots[slot] = hash;
      return true;
    }
    if (slots[slot] === hash) return false;
  }
}

/** Two 32-bit multiplicative hashes of the UTF-16 code units, joined into a positive integer below 2^53 (never 0). */
export function hash53(text: string): number {
  let low = 0x811c9dc5;
  let high = 0x9e3779b9 ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    low = Math.imul(low ^ code, 0x01000193);
    high = Math.imul(high ^ code, 0x85ebca6b);
    high ^= high >>> 13;
  }
  low ^= low >>> 16;
  low = Math.imul(low, 0x7feb352d);
  low ^= low >>> 15;
  return (high >>> 11) * 2 ** 32 + (low >>> 0) + 1;
}
