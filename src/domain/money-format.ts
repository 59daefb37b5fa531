// Number of minor-unit digits per currency, as ISO 4217 gives them, which is what every amount is
// counted in: 0 for JPY, 3 for KWD, 2 for every currency not named below. Not the runtime's (ICU's, from CLDR): CLDR drops the
// minor unit of currencies whose smallest coin is out of use (IDR, HUF, COP, PKR, IQD, ...), and
// showed 1,500,000.00 IDR, 150000000 sen, as "150,000,000 IDR", and converted it at the rates a
// hundred times too high.
const ISO_MINOR_DIGITS = new Map<string, number>([
  ...["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"].map((code) => [code, 0] as const),
  ...["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"].map((code) => [code, 3] as const),
  ...["CLF", "UYW"].map((code) => [code, 4] as const),
]);

export const minorDigits = (currency: string): number => ISO_MINOR_DIGITS.get(currency) ?? 2;

// The currencies whose minor unit ISO 4217 keeps but no coin or price uses (CLDR's list, above):
// the smallest price a seller writes in them is one whole unit (Rp 1 is 100 minor units).
const WHOLE_UNITS_ONLY = new Set(["AFN", "ALL", "COP", "HUF", "IDR", "IQD", "IRR", "KPW", "LAK", "LBP", "MGA", "MMK", "PKR", "SLL", "SOS", "SYP", "YER"]);

// The smallest price in use in a currency, in its minor units: 1, or a whole unit where the minor
// unit is out of use.
export const smallestPriceMinor = (currency: string): number => (WHOLE_UNITS_ONLY.has(currency) ? 10 ** minorDigits(currency) : 1);

// "1,290.00 CNY"; by hand, because Intl formatting costs more than scoring a listing.
export function formatMoney(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const scale = 10 ** digits;
  const units = Math.abs(amountMinor);
  const whole = Math.floor(units / scale)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = digits > 0 ? `.${String(units % scale).padStart(digits, "0")}` : "";
  return `${amountMinor < 0 ? "-" : ""}${whole}${fraction} ${currency}`;
}
