import { optionalText, requiredText } from "../../src/domain/validation";

it("reads text of spaces or invisible characters as none given, where required text refuses it as empty", () => {
  for (const blank of [undefined, null, "", "   ", "\u200b", " \u200b\ufeff\u00ad "]) {
    expect(optionalText(blank, "note", 10)).toBeNull();
    expect(() => requiredText(blank, "note", 10)).toThrow("`note` must not be empty");
  }
  expect(optionalText("  seen \u200b ", "note", 10)).toBe("seen \u200b");
  expect(() => optionalText("x".repeat(11), "note", 10)).toThrow("`note` must be at most 10 characters");
});
