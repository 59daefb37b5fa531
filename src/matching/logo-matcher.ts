import { hammingDistance, parseHash64, type Hash64 } from "./perceptual-hash";

// Compares a listing's image hashes with every brand's registered logo hashes.

export interface BrandLogos {
  brandId: string;
  logoHashes: readonly string[];
}

export interface LogoMatch {
  brandId: string;
  distance: number;
}

export class LogoMatcher {
  private readonly logos: { brandId: string; hash: Hash64 }[];

  constructor(
    brands: readonly BrandLogos[],
    private readonly maxDistance: number,
  ) {
    this.logos = brands.flatMap((brand) => brand.logoHashes.map((hex) => ({ brandId: brand.brandId, hash: parseHash64(hex) })));
  }

  // The closest registered logo of each brand within the distance threshold.
  match(imageHashes: readonly Hash64[]): LogoMatch[] {
    const best = new Map<string, number>();
    for (const image of imageHashes) {
      for (const logo of this.logos) {
        const distance = hammingDistance(image, logo.hash);
        if (distance <= this.maxDistance && distance < (best.get(logo.brandId) ?? Infinity)) best.set(logo.brandId, distance);
      }
    }
    return [...best].map(([brandId, distance]) => ({ brandId, distance }));
  }
}
