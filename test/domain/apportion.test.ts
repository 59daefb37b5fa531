import { apportion } from "../../src/apportion";

const groups = (...weights: number[]) => weights.map((weight, n) => ({ group: `g${n}`, weight, order: `g${n}` }));
const values = (total: number, ...weights: number[]) => apportion(total, groups(...weights)).map((share) => share.value);

describe("largest-remainder apportionment of a referral's outcome", () => {
  it("splits in proportion, in whole numbers that add up exactly", () => {
    expect(values(5, 2, 1, 1)).toEqual([3, 1, 1]);
    expect(values(1000, 2, 1, 1)).toEqual([500, 250, 250]);
    expect(values(100_001, 2, 1, 1)).toEqual([50_001, 25_000, 25_000]);
    // One raid between three members' cases: to the largest share.
    expect(values(1, 2, 1, 1)).toEqual([1, 0, 0]);
    expect(values(0, 3, 4)).toEqual([0, 0]);
  });

  it("breaks ties by the groups' order key, whatever order they come in", () => {
    expect(values(1, 1, 1, 1)).toEqual([1, 0, 0]);
    expect(values(2, 1, 1, 1)).toEqual([1, 1, 0]);
    const reversed = apportion(1, [
      { group: "late", weight: 1, order: "b" },
      { group: "early", weight: 1, order: "a" },
    ]);
    expect(reversed).toEqual([{ group: "late", value: 0 }, { group: "early", value: 1 }]);
  });

  it("always sums to the total, for any figure and any case counts", () => {
    let seed = 7;
    const next = (max: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % max;
    for (let round = 0; round < 500; round++) {
      const weights = Array.from({ length: 1 + next(6) }, () => 1 + next(40));
      const total = round % 2 ? next(1000) : next(2 ** 31) * 4096; // money in minor units may be large
      const shares = values(total, ...weights);
      expect(shares.reduce((sum, value) => sum + value, 0)).toBe(total);
      const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
      shares.forEach((value, n) => {
        expect(Number.isInteger(value)).toBe(true);
        expect(Math.abs(value - (total * weights[n]) / weightSum)).toBeLessThan(1 + 1e-6 * total);
      });
    }
  });
});
