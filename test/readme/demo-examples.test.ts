import { readFileSync } from "node:fs";
import { loadConfig } from "../../src/config";
import { hammingDistance, parseHash64 } from "../../src/matching/perceptual-hash";
import { BRAND_ORGANIZATIONS } from "../../src/seed/demo-alliance.data";
import { README_FILE } from "../support/readme";

// A new member tries the README's examples on the demo alliance, as the Swarovski analyst it signs
// in as. An example that the demo refuses for what it holds, rather than for an id to fill in, reads
// as a broken API: the catalogue example once registered Louis Vuitton's logo for Swarovski, and
// was refused with the logo clash CONFLICT.

const README_PERSONA = "swarovski";

// The hashes of `logoHashes: ["..."]` in the README's examples.
const readmeLogoHashes = () =>
  [...readFileSync(README_FILE, "utf8").matchAll(/logoHashes: \[([^\]]*)\]/g)].flatMap(([, list]) => [...list.matchAll(/"([0-9a-f]{16})"/g)].map(([, hash]) => hash));

// Every logo a demo organization registered, for its brands or its products.
const demoLogos = BRAND_ORGANIZATIONS.flatMap((org) =>
  org.brands.flatMap((brand) => [...brand.logoHashes, ...brand.products.flatMap((product) => product.logoHashes ?? [])].map((hash) => ({ org: org.slug, hash }))),
);
const personaLogos = new Set(demoLogos.filter((logo) => logo.org === README_PERSONA).map((logo) => logo.hash));
const otherOrganizationsLogos = demoLogos.filter((logo) => logo.org !== README_PERSONA);

describe("the README's examples on the demo alliance", () => {
  it("register no logo hash near another demo member's logo, which upsertProducts refuses", () => {
    const hashes = readmeLogoHashes();
    expect(hashes.length).toBeGreaterThan(0);
    // A hash the organization holds already is not checked again: it was checked when registered.
    const checked = hashes.filter((hash) => !personaLogos.has(hash));
    // An image between two logos this near would claim both brands (src/domain/logo-claims.ts).
    const clashWithin = 2 * loadConfig({}).risk.logoMaxDistance;
    const clashes = checked.flatMap((hash) =>
      otherOrganizationsLogos
        .filter((logo) => hammingDistance(parseHash64(hash), parseHash64(logo.hash)) <= clashWithin)
        .map((logo) => `${hash} is within ${clashWithin} bits of ${logo.org}'s logo ${logo.hash}`),
    );
    expect(clashes).toEqual([]);
  });
});
