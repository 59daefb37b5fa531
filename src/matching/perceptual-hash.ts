// 64-bit perceptual image hashes as 16 hex digits: similar images differ in few bits, so the
// Hamming distance between two hashes says how alike the images are.

// A hash as its two 32-bit halves, parsed once so that comparisons need no string work.
export type Hash64 = readonly [number, number];

const HEX_64 = /^[0-9a-f]{16}$/i;

export const isHash64 = (value: string) => HEX_64.test(value);

export function parseHash64(hex: string): Hash64 {
  return [parseInt(hex.slice(0, 8), 16) >>> 0, parseInt(hex.slice(8), 16) >>> 0];
}

function popCount32(value: number): number {
  let v = value >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export function hammingDistance(a: Hash64, b: Hash64): number {
  return popCount32(a[0] ^ b[0]) + popCount32(a[1] ^ b[1]);
}
