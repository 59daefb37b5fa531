import { generateListings } from "../../src/generator/marketplace-generator";

const NOW = new Date("2026-11-01T00:00:00.000Z");
const fakeShareOf = (listings: Iterable<{ label: { counterfeit: boolean } }>) => {
  let fakes = 0;
  let all = 0;
  for (const listing of listings) {
    all++;
    if (listing.label.counterfeit) fakes++;
  }
  return fakes / all;
};

describe("generateListings", () => {
  it("is deterministic for a seed", () => {
    const first = [...generateListings({ listings: 200, seed: 3, now: NOW })];
    expect([...generateListings({ listings: 200, seed: 3, now: NOW })]).toEqual(first);
    expect([...generateListings({ listings: 200, seed: 4, now: NOW })]).not.toEqual(first);
  });

  it("mixes 47% fakes by default, and the share asked for", () => {
    expect(fakeShareOf(generateListings({ listings: 20_000, seed: 1, now: NOW }))).toBeCloseTo(0.47, 1);
    expect(fakeShareOf(generateListings({ listings: 20_000, seed: 1, now: NOW, fakeShare: 0.3 }))).toBeCloseTo(0.3, 1);
    expect(fakeShareOf(generateListings({ listings: 2_000, seed: 1, now: NOW, fakeShare: 0 }))).toBe(0);
    expect(() => generateListings({ listings: 1, seed: 1, fakeShare: 1.5 }).next()).toThrow(/fakeShare/);
  });
});
