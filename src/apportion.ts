// Splits a whole-number figure (a referral's arrests, seized units, seized value in minor units
// between its case groups; a capped risk score between its signals) between groups in proportion
// to their weights, in whole numbers that add up exactly to the figure: the largest-remainder method. Each group first gets the floor of its
// exact share; the units left over go one each to the groups with the largest remainders, ties
// broken by the groups' `order` key so that the same data always gives the same split.
// Integer arithmetic throughout (BigInt), so that large money amounts lose nothing.
export interface Share<T> {
  group: T;
  value: number;
}

export function apportion<T>(total: number, groups: { group: T; weight: number; order: string }[]): Share<T>[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new Error(`apportion: ${total} is not a whole non-negative number`);
  const weightSum = groups.reduce((sum, { weight }) => sum + BigInt(weight), 0n);
  if (weightSum === 0n) return groups.map(({ group }) => ({ group, value: 0 }));
  const exact = groups.map(({ group, weight, order }) => {
    const scaled = BigInt(total) * BigInt(weight);
    return { group, order, value: scaled / weightSum, remainder: scaled % weightSum };
  });
  let leftOver = BigInt(total) - exact.reduce((sum, share) => sum + share.value, 0n);
  const byRemainder = [...exact].sort((a, b) =>
    a.remainder === b.remainder ? (a.order < b.order ? -1 : a.order > b.order ? 1 : 0) : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (leftOver === 0n) break;
    share.value += 1n;
    leftOver -= 1n;
  }
  return exact.map(({ group, value }) => ({ group, value: Number(value) }));
}
