import { checkPastLocalDate } from "../../src/domain/validation";

// A raid date or a filing date is the agency's or the court's local date: where the day has
// already begun (up to UTC+14), it is today there while it is still yesterday in UTC.
describe("a past local date", () => {
  beforeAll(() => jest.useFakeTimers({ now: new Date("2026-12-06T16:30:00Z") }));
  afterAll(() => jest.useRealTimers());

  it("takes today in a time zone ahead of UTC", () => {
    // 00:30 on 7 December in Beijing, 06:30 in Kiribati.
    expect(checkPastLocalDate("2026-12-07", "raidDate")).toBe("2026-12-07");
  });

  it("refuses a date that is today nowhere yet", () => {
    expect(() => checkPastLocalDate("2026-12-08", "raidDate")).toThrow("`raidDate` must not be in the future");
  });
});
