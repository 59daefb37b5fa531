import type { SeededRandom } from "./random";

// 64-bit perceptual hashes as 16 hex digits; similar images differ in few bits.

export function hammingDistance(a: string, b: string): number {
  const high = parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16);
  const low = parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16);
  return popCount32(high) + popCount32(low);
}

function popCount32(value: number): number {
  let v = value >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

// A hash exactly `distance` bits away from `hash`: a photo of the same logo, slightly altered.
export function nearbyHash(random: SeededRandom, hash: string, distance: number): string {
  const bits = random.sample(
    Array.from({ length: 64 }, (_, i) => i),
    distance,
  );
  const flipped = bits.reduce((value, bit) => value ^ (1n << BigInt(bit)), BigInt(`0x${hash}`));
  return flipped.toString(16).padStart(16, "0");
}

export function randomHash(random: SeededRandom): string {
  return random.hex(16);
}
