// How listing text is folded before brand names are looked for in it, so that the tricks sellers
// use to slip past filters fold back to the name: full-width letters and accents ("Ｓｗａｒｏｖｓｋｉ",
// "Swarövski"), digits and symbols for letters ("Sw@r0vski"), spelled-out letters
// ("S w a r o v s k i", "S.W.A.R.O.V.S.K.I"), and spellings that sound alike ("Swarovsky",
// "Swarowski"). Text and brand aliases go through the same folding.

const LATIN_LETTER = /^[a-z]$/;
const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

// Only between two letters, so that "1:1" or "256gb" keep their digits.
const LOOKALIKES: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "@": "a", $: "s", "!": "i" };

// Letters that sellers swap for one that sounds the same; doubled letters count once.
const SOUND_ALIKE: [RegExp, string][] = [
  [/ph/g, "f"],
  [/ck/g, "c"],
  [/[kq]/g, "c"],
  [/y/g, "i"],
  [/w/g, "v"],
  [/z/g, "s"],
  [/(.)\1+/g, "$1"],
];

export const isLatin = (text: string) => /[a-z]/.test(text);
export const isWordCode = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);

function replaceLookalikes(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const letter = LOOKALIKES[ch];
    out += letter && LATIN_LETTER.test(text[i - 1] ?? "") && LATIN_LETTER.test(text[i + 1] ?? "") ? letter : ch;
  }
  return out;
}

function soundAlike(token: string): string {
  if (!isLatin(token)) return token;
  return SOUND_ALIKE.reduce((word, [pattern, replacement]) => word.replace(pattern, replacement), token);
}

// Runs of three or more one-letter tokens are a spelled-out word.
function joinSpelledOut(tokens: string[]): string[] {
  const joined: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 3) joined.push(run.join(""));
    else joined.push(...run);
    run = [];
  };
  for (const token of tokens) {
    if (token.length === 1 && LATIN_LETTER.test(token)) run.push(token);
    else {
      flush();
      joined.push(token);
    }
  }
  flush();
  return joined;
}

export interface FoldedText {
  // Words separated by single spaces, with a space at each end: " louis vuiton neverful ".
  words: string;
  // The same without spaces, for names split across words ("Swar ovski") and for CJK scripts.
  joined: string;
}

export function foldText(text: string): FoldedText {
  const plain = replaceLookalikes(text.normalize("NFKC").toLowerCase().normalize("NFD").replace(MARKS, ""));
  const tokens = joinSpelledOut(plain.replace(NOT_WORD, " ").trim().split(" ").filter(Boolean)).map(soundAlike);
  return { words: ` ${tokens.join(" ")} `, joined: tokens.join("") };
}
