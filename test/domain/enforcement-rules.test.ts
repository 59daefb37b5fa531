import { loadConfig } from "../../src/config";
import { pathTo, reviewTransitionsFrom, statusesMovingTo, transitionsFrom } from "../../src/domain/infringement-lifecycle";
import { statusAfterStrikes } from "../../src/domain/store-penalty-policy";
import { InfringementStatus as S, SellerStatus } from "../../src/entities/enums";

describe("infringement lifecycle by workflow", () => {
  it("keeps takedown states out of a review's reach", () => {
    expect(reviewTransitionsFrom(S.CONFIRMED)).toEqual([S.UNDER_REVIEW]);
    expect(reviewTransitionsFrom(S.TAKEDOWN_REQUESTED)).toEqual([]);
    expect(reviewTransitionsFrom(S.REMOVED)).toEqual([]);
    expect(transitionsFrom(S.TAKEDOWN_REQUESTED, "TAKEDOWN").sort()).toEqual([S.CONFIRMED, S.REMOVED]);
  });

  it("walks a test buy's outcome one step at a time, and not into takedown states", () => {
    expect(pathTo(S.FLAGGED, S.CONFIRMED, "TEST_BUY")).toEqual([S.UNDER_REVIEW, S.CONFIRMED]);
    expect(pathTo(S.DISMISSED, S.CONFIRMED, "TEST_BUY")).toEqual([S.UNDER_REVIEW, S.CONFIRMED]);
    expect(pathTo(S.CONFIRMED, S.DISMISSED, "TEST_BUY")).toEqual([S.UNDER_REVIEW, S.DISMISSED]);
    expect(pathTo(S.CONFIRMED, S.CONFIRMED, "TEST_BUY")).toEqual([]);
    expect(pathTo(S.TAKEDOWN_REQUESTED, S.DISMISSED, "TEST_BUY")).toBeNull();
    expect(pathTo(S.FLAGGED, S.TAKEDOWN_REQUESTED, "TEST_BUY")).toBeNull();
  });

  it("lets a removed listing move only cases whose takedown was pending", () => {
    expect(statusesMovingTo(S.REMOVED, "TAKEDOWN")).toEqual([S.TAKEDOWN_REQUESTED]);
  });
});

describe("store penalty policy", () => {
  const policy = { penaltyStrikes: 3, closureStrikes: 5 };
  it.each([
    [1, SellerStatus.ACTIVE, SellerStatus.ACTIVE],
    [3, SellerStatus.ACTIVE, SellerStatus.PENALIZED],
    [4, SellerStatus.PENALIZED, SellerStatus.PENALIZED],
    [5, SellerStatus.PENALIZED, SellerStatus.CLOSED],
    [9, SellerStatus.ACTIVE, SellerStatus.CLOSED],
    // never let off by the policy
    [1, SellerStatus.PENALIZED, SellerStatus.PENALIZED],
    [1, SellerStatus.CLOSED, SellerStatus.CLOSED],
  ])("%i strikes on a %s store: %s", (strikes, current, expected) => {
    expect(statusAfterStrikes(strikes, current, policy)).toBe(expected);
  });
});

describe("enforcement configuration", () => {
  it("refuses a closure threshold that is not above the penalty threshold, naming the variable", () => {
    expect(() => loadConfig({ SELLER_PENALTY_STRIKES: "5", SELLER_CLOSURE_STRIKES: "5" })).toThrow(/SELLER_CLOSURE_STRIKES/);
    expect(loadConfig({}).enforcement).toEqual({ penaltyStrikes: 3, closureStrikes: 5, maxBulkTakedowns: 100 });
  });
});
