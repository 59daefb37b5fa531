import type { SeededRandom } from "./random";

// 64-bit perceptual hashes as 16 hex digits, as a photo of a logo would hash.

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
