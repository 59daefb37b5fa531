import { itemErrors } from "../../src/domain/item-errors";

it("counts the invalid items, not their reasons: an item with two reasons is one", () => {
  const error = itemErrors("indicators", 2, [
    { index: 0, reason: "your organization already contributed this KEYWORD" },
    { index: 0, reason: "brandId is not a brand of yours" },
  ]);
  expect(error.message).toBe(
    "1 of 2 indicators are invalid; nothing was saved: [0] your organization already contributed this KEYWORD; [0] brandId is not a brand of yours",
  );
  expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", itemErrors: [{ index: 0 }, { index: 0 }] });
});
