import { latinLookalikes } from "./latin-lookalikes";

// How listing text is folded before brand names are looked for in it, so that the tricks sellers
// use to slip past filters fold back to the name: full-width letters and accents ("Ｓｗａｒｏｖｓｋｉ",
// "Swarövski"), other scripts' letters drawn as Latin ones ("Ѕwarovski" with a Cyrillic Ѕ), digits
// and symbols for letters ("Sw@r0vski"), spelled-out letters
// ("S w a r o v s k i", "S.W.A.R.O.V.S.K.I"), and spellings that sound alike ("Swarovsky",
// "Swarowski"), and characters nobody sees ("L\u200bV" with a zero-width space). Text and brand
// aliases go through the same folding.

const LATIN_LETTER = /^[a-z]$/;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
// Format characters drawn as nothing (zero-width space and joiners, soft hyphen, word joiner, byte
// order mark, text-direction marks): a reader sees the letters either side of one as one word, so
// they are taken out, not read as a break between words.
const INVISIBLE = /\p{Cf}/gu;

// Only between two letters, so that "1:1" or "256gb" keep their digits.
const LOOKALIKES: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "@": "a", $: "s", "!": "i" };

// Letters that sellers swap for one that sounds the same (ph/f, ck/k/q/c, y/i, w/v, z/s), and
// doubled letters, which count once.
const SOUND_ALIKE: Record<string, string> = { k: "c", q: "c", y: "i", w: "v", z: "s" };

export const isLatin = (text: string) => /[a-z]/.test(text);
export const isWordCode = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);

const HAS_LOOKALIKE = /[0-9@$!]/;
const ASCII = /^[ -~\t\n\r]*$/;

function replaceLookalikes(text: string): string {
  if (!HAS_LOOKALIKE.test(text)) return text;
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
  let out = "";
  for (let i = 0; i < token.length; i++) {
    let ch = token[i];
    const next = token[i + 1];
    if ((ch === "p" && next === "h") || (ch === "c" && next === "k")) {
      ch = ch === "p" ? "f" : "c";
      i++;
    } else ch = SOUND_ALIKE[ch] ?? ch;
    if (out[out.length - 1] !== ch) out += ch;
  }
  return out;
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
  const lower = text.toLowerCase();
  const plain = replaceLookalikes(ASCII.test(lower) ? lower : latinLookalikes(text.replace(INVISIBLE, "")).toLowerCase());
  const tokens = joinSpelledOut(plain.replace(NOT_WORD, " ").trim().split(" ").filter(Boolean)).map(soundAlike);
  return { words: ` ${tokens.join(" ")} `, joined: tokens.join("") };
}
