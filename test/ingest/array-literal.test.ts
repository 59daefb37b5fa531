import pg from "pg";
import { arrayLiteral } from "../../src/ingest/batch/array-literal";

// pg's own conversion of a parameter (exported, though its typings do not say so).
const { prepareValue } = (pg as unknown as { utils: { prepareValue: (value: unknown) => unknown } }).utils;

// The writer hands pg its array parameters as literals it built itself: the text must be what pg
// would have sent for the array.

describe("array literals", () => {
  it("are the text pg sends for the same array", () => {
    const arrays = [
      [],
      ["00000000-0000-7000-8000-000000000001", "00000000-0000-7000-8000-000000000002"],
      [1, 0, -3, 2.5, 1e21, Number.MAX_SAFE_INTEGER],
      [true, false],
      ["TAOBAO", null, "XIANYU", null],
      [null],
      ['[{"kind":"PRICE_ANOMALY","reason":"price \\"x\\""}]', "back\\slash", "{braces},commas", "NULL", "", " ", "高仿 包"],
      ["tab\there", "line\nbreak", '"', "\\"],
    ];
    for (const values of arrays) expect(arrayLiteral(values)).toBe(prepareValue(values));
  });
});
