import { DEFAULT_RISK_CONFIG } from "../../src/risk/risk-config";
import { CounterfeitVocabulary } from "../../src/risk/signals/counterfeit-vocabulary";

// The built-in vocabulary and negative contexts, as the risk model reads titles and descriptions.
const vocabulary = new CounterfeitVocabulary(DEFAULT_RISK_CONFIG.counterfeitTerms, DEFAULT_RISK_CONFIG.negativeContexts);

describe("counterfeit vocabulary", () => {
  it.each([
    ["a digit for a letter", "rep1ica bag", ["replica"]],
    ["a capital I for an l", "RepIica bag", ["replica"]],
    ["Cyrillic е, р, і, с and а among Latin letters", "r\u0435\u0440l\u0456\u0441\u0430 bag", ["replica"]],
    ["spelled-out letters", "r.e.p.l.i.c.a bag", ["replica"]],
    ["a plural", "Replicas bag", ["replica"]],
    ["a zero-width space", "高\u200b仿 包", ["高仿"]],
    ["a space between Chinese characters", "高 仿 包", ["高仿"]],
    ["spaces around the colon", "1 : 1 包", ["1:1"]],
    ["full-width digits and colon", "１：１ 包", ["1:1"]],
    ["traditional characters", "A貨 包", ["a货"]],
    ["traditional characters", "複刻 包", ["复刻"]],
    ["traditional characters", "原單 包", ["原单"]],
    ["a space for the hyphen", "knock off bag", ["knock-off"]],
  ])("sees through %s: %s", (_, text, terms) => {
    expect(vocabulary.find(text)).toEqual(terms);
  });

  // Brand names are matched by their sounds too, with doubled letters once; a term is not: "fake"
  // would be found in "face", "aaa" in "a". And the marks between digits are kept: "1.1" is no "1:1".
  it.each(["face cream", "a bag", "AAAA batteries", "1.1 kg", "USB 1.1", "11:15 delivery", "Size 1-1"])(
    "finds nothing in ordinary text near a term: %s",
    (text) => {
      expect(vocabulary.find(text)).toEqual([]);
    },
  );

  it.each([
    ["fake fur coat", []],
    ["Fake-fur coat", []],
    ["not fake, 100% genuine", []],
    ["1:1 scale model car", []],
    ["1 : 1 Scale model car", []],
    ["fake furniture", ["fake"]],
    ["fake fur collar on a fake bag", ["fake"]],
    ["1:1 scale replica", ["replica"]],
  ])("does not count a term wholly inside a negative context: %s", (text, terms) => {
    expect(vocabulary.find(text)).toEqual(terms);
  });

  it("reads the negative contexts it is given", () => {
    expect(new CounterfeitVocabulary(["fake"]).find("fake fur coat")).toEqual(["fake"]);
  });
});
