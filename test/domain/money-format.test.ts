import { formatMoney, minorDigits } from "../../src/domain/money-format";
import { moneyConverter } from "../../src/risk/genuine-product";

// Amounts are counted in ISO 4217's minor units, which are not always those people pay in: the
// rupiah's sen and the Iraqi dinar's fils are out of use, and the runtime's currency data (CLDR)
// shows those currencies without them.
describe("an amount in minor units", () => {
  it("is read with the minor units ISO 4217 gives its currency", () => {
    expect(formatMoney(129_000, "CNY")).toBe("1,290.00 CNY");
    expect(formatMoney(70_000, "JPY")).toBe("70,000 JPY");
    expect(formatMoney(250_000, "KWD")).toBe("250.000 KWD");
    expect(formatMoney(150_000_000, "IDR")).toBe("1,500,000.00 IDR");
    expect(formatMoney(150_000_000, "HUF")).toBe("1,500,000.00 HUF");
    expect(formatMoney(2_500_000, "IQD")).toBe("2,500.000 IQD");
    expect(minorDigits("COP")).toBe(2);
    expect(minorDigits("PKR")).toBe(2);
  });

  it("is converted at a reference rate per major unit", () => {
    // 1,500,000.00 IDR at 0.00045 CNY a rupiah is 675 CNY.
    const valueInCny = moneyConverter({ CNY: 1, IDR: 0.00045 });
    expect(valueInCny(150_000_000, "IDR")).toBeCloseTo(675, 6);
  });

  it("keeps its sign and its largest values exact", () => {
    expect(formatMoney(0, "CNY")).toBe("0.00 CNY");
    expect(formatMoney(1, "KWD")).toBe("0.001 KWD");
    expect(formatMoney(Number.MAX_SAFE_INTEGER, "CNY")).toBe("90,071,992,547,409.91 CNY");
    expect(formatMoney(1_000_000_000_000_000, "JPY")).toBe("1,000,000,000,000,000 JPY");
    expect(formatMoney(-150, "CNY")).toBe("-1.50 CNY");
  });
});
