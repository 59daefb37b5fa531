// Number of minor-unit digits per currency, from the runtime's ICU data (JPY 0, CNY 2, KWD 3).
const digitsCache = new Map<string, number>();

export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

// "1,290.00 CNY"; by hand, because Intl formatting costs more than scoring a listing.
export function formatMoney(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const scale = 10 ** digits;
  const whole = Math.floor(amountMinor / scale)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = digits > 0 ? `.${String(amountMinor % scale).padStart(digits, "0")}` : "";
  return `${whole}${fraction} ${currency}`;
}
