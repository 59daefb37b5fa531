import { formatMoney } from "../domain/money-format";
import type { MoneyType } from "./types/money.type";

export function money(amountMinor: number, currency: string): MoneyType {
  return { amountMinor, currency, formatted: formatMoney(amountMinor, currency) };
}
