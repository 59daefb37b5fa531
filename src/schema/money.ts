import type { MoneyType } from "./types/money.type";

// Number of minor-unit digits per currency, from the runtime's ICU data (JPY 0, CNY 2, KWD 3).
function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function money(amountMinor: number, currency: string): MoneyType {
  const digits = minorDigits(currency);
  const amount = (amountMinor / 10 ** digits).toLocaleString("en", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return { amountMinor, currency, formatted: `${amount} ${currency}` };
}
