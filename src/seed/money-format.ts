// "1,290.00 CNY": the demo currencies (CNY, USD, EUR) all have two minor digits.
export function formatMoney(minor: number, currency: string): string {
  const major = Math.floor(minor / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${major}.${String(minor % 100).padStart(2, "0")} ${currency}`;
}
