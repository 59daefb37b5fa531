// Letters of other scripts drawn as a Latin one (Cyrillic "Ѕ", "о", "В"; Greek "ο", "Κ"): a brand
// name written with them among Latin letters reads, to a buyer, as the Latin name, and sellers use
// them to slip a brand's name past its filters, so text folding (text-normalization.ts) reads them
// as Latin in such a word.
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
const LOOKALIKE_CLASS = `[${Object.keys(LOOKALIKES).join("")}]`;
const ANY_LOOKALIKE = new RegExp(LOOKALIKE_CLASS, "gu");
const HAS_LOOKALIKE = new RegExp(LOOKALIKE_CLASS, "u");

const MARKS = /\p{M}+/gu;
const WORD = /\p{L}+/gu;
const LATIN = /[A-Za-z]/;
const GREEK = /[\u0370-\u03ff]/;
const CYRILLIC = /[\u0400-\u052f]/;

// Only a word that mixes scripts is a disguise: a word wholly in Cyrillic or Greek is that
// language's ("ШУБА НАТУРАЛЬНЫЙ МЕХ" is a fur coat, not Mexx; "ΚΑΝΟΝ" a rule, not Canon).
const mixesScripts = (word: string) => [LATIN, GREEK, CYRILLIC].filter((script) => script.test(word)).length > 1;

export function latinLookalikes(text: string): string {
  const plain = text.normalize("NFKD").replace(MARKS, "");
  if (!HAS_LOOKALIKE.test(plain)) return plain;
  return plain.replace(WORD, (word) => (mixesScripts(word) ? word.replace(ANY_LOOKALIKE, (ch) => LOOKALIKES[ch]) : word));
}
