// Letters of other scripts drawn as a Latin one (Cyrillic "Ѕ", "о", "В"; Greek "ο", "Κ"): a brand
// name written with them reads, to a buyer, as the Latin name, and sellers use them to slip a
// brand's name past its filters, so text folding (text-normalization.ts) reads them as Latin.
// Capitals are mapped before folding lowers them, since "В" looks like "B" but "в" does not;
// accents are taken off first (with compatibility forms, as NFKD does), so that "ό" is an "o" as
// "ο" is.
const LOOKALIKES: Record<string, string> = {
  // Cyrillic
  А: "A", В: "B", С: "C", Е: "E", Н: "H", І: "I", Ј: "J", К: "K", М: "M", О: "O", Р: "P", Ѕ: "S", Т: "T", Х: "X", У: "Y", Ԛ: "Q", Ԝ: "W", Ӏ: "I",
  а: "a", с: "c", ԁ: "d", е: "e", һ: "h", і: "i", ј: "j", ӏ: "l", о: "o", р: "p", ԛ: "q", ѕ: "s", ԝ: "w", х: "x", у: "y",
  // Greek
  Α: "A", Β: "B", Ε: "E", Ζ: "Z", Η: "H", Ι: "I", Κ: "K", Μ: "M", Ν: "N", Ο: "O", Ρ: "P", Τ: "T", Υ: "Y", Χ: "X",
  α: "a", ι: "i", κ: "k", ν: "v", ο: "o", ρ: "p", υ: "u", χ: "x",
};
const ANY_LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join("")}]`, "gu");

const MARKS = /\p{M}+/gu;

export const latinLookalikes = (text: string): string =>
  text.normalize("NFKD").replace(MARKS, "").replace(ANY_LOOKALIKE, (ch) => LOOKALIKES[ch]);
